<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="32"/>
        <source>development copy</source>
        <translation>copia de desarrollo</translation>
    </message>
    <message>
        <location filename="../about.py" line="49"/>
        <source>About Offramp</source>
        <translation>Acerca de Offramp</translation>
    </message>
    <message>
        <location filename="../about.py" line="54"/>
        <source>Offramp</source>
        <translation>Offramp</translation>
    </message>
    <message>
        <location filename="../about.py" line="61"/>
        <source>For advocates and prosecutors working alongside people who have left trafficking and exploitation. Everything is kept encrypted on this computer.</source>
        <translation>Para defensores y fiscales que acompañan a personas que han salido de la trata y la explotación. Todo se guarda cifrado en este equipo.</translation>
    </message>
    <message>
        <location filename="../about.py" line="76"/>
        <source>{name} version</source>
        <translation>Versión de {name}</translation>
    </message>
    <message>
        <location filename="../about.py" line="82"/>
        <location filename="../about.py" line="89"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../about.py" line="91"/>
        <source>The vault, its key file and its backups are in this folder. Nothing in it is readable without your passphrase.</source>
        <translation>La bóveda, su archivo de clave y sus copias de seguridad están en esta carpeta. Nada de lo que contiene se puede leer sin su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../about.py" line="97"/>
        <location filename="../about.py" line="98"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>CalmDialog</name>
    <message>
        <location filename="../recover_dialog.py" line="102"/>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../caseload.py" line="75"/>
        <source>Name</source>
        <extracomment>How many people match the current search (after the first page of a new search arrives). A query failed; the text is one human sentence.</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="75"/>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="75"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="75"/>
        <source>Not yet synced</source>
        <translation>Sin sincronizar</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="104"/>
        <source>Changed on this computer and not yet sent to the office</source>
        <translation>Cambiado en este equipo y aún no enviado a la oficina</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="105"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="225"/>
        <source>The list could not be loaded. Please try again, or lock and unlock the vault.</source>
        <translation>No se pudo cargar la lista. Inténtelo de nuevo, o bloquee y desbloquee la bóveda.</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../caseload.py" line="300"/>
        <source>&amp;My people</source>
        <extracomment>A person was chosen (Enter or double-click); carries their id. &quot;Add a new person&quot; from an empty caseload or an empty search; carries the name searched for, if any.</extracomment>
        <translation>&amp;Mis personas</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="301"/>
        <source>Show only my people</source>
        <translation>Mostrar solo mis personas</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="302"/>
        <source>&amp;Follow-up due</source>
        <translation>&amp;Seguimiento pendiente</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="303"/>
        <source>Show only people with a referral follow-up due</source>
        <translation>Mostrar solo personas con un seguimiento de derivación pendiente</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="304"/>
        <source>Deadline this &amp;week</source>
        <translation>Plazo esta s&amp;emana</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="305"/>
        <source>Show only people with a deadline this week</source>
        <translation>Mostrar solo personas con un plazo esta semana</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="307"/>
        <source>Within the next 7 days: a record-relief deadline, a certification request to decide, or the last day USCIS accepts a signed U-visa certification</source>
        <translation>En los próximos 7 días: un plazo para limpiar antecedentes, una solicitud de certificación por decidir, o el último día en que USCIS acepta una certificación firmada para la visa U</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="310"/>
        <source>&amp;Not yet synced</source>
        <translation>Si&amp;n sincronizar</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="311"/>
        <source>Show only people with changes not yet sent to the office</source>
        <translation>Mostrar solo personas con cambios aún no enviados a la oficina</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="312"/>
        <source>&amp;Charged, not yet screened</source>
        <translation>&amp;Con cargos, sin evaluación</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="314"/>
        <source>Show only people charged with an offense often linked to exploitation and not yet screened</source>
        <translation>Mostrar solo personas acusadas de un delito a menudo ligado a la explotación y aún sin evaluación</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="317"/>
        <source>Defendants on a charge your office&apos;s rules list, with no screening since that arrest</source>
        <translation>Personas acusadas de un cargo que figura en las reglas de su oficina, sin evaluación desde ese arresto</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="327"/>
        <source>Search by name or other name</source>
        <translation>Buscar por nombre u otro nombre</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="328"/>
        <source>Search people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="329"/>
        <source>The list narrows as you type. Press Down to move into it.</source>
        <translation>La lista se acota mientras escribe. Pulse la flecha abajo para entrar en ella.</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="332"/>
        <source>Clear search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="336"/>
        <location filename="../caseload.py" line="337"/>
        <location filename="../caseload.py" line="518"/>
        <source>Add a new person</source>
        <translation>Agregar una persona nueva</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="344"/>
        <location filename="../caseload.py" line="431"/>
        <location filename="../caseload.py" line="437"/>
        <location filename="../caseload.py" line="461"/>
        <location filename="../caseload.py" line="479"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="348"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="349"/>
        <source>Your caseload. Use the arrow keys to move through it.</source>
        <translation>Sus casos. Use las flechas para recorrerlos.</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="359"/>
        <source>Select all</source>
        <translation>Seleccionar todo</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="364"/>
        <source>Row numbers</source>
        <translation>Números de fila</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="367"/>
        <source>Column headings</source>
        <translation>Encabezados de columna</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="388"/>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="421"/>
        <source>Find a person</source>
        <translation>Buscar a una persona</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="499"/>
        <source>No one matches that search</source>
        <translation>Nadie coincide con esa búsqueda</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="501"/>
        <source>No one matches these filters</source>
        <translation>Nadie coincide con estos filtros</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="503"/>
        <source>No people in this vault yet</source>
        <translation>Todavía no hay personas en esta bóveda</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="505"/>
        <source>1 person found</source>
        <translation>1 persona encontrada</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="505"/>
        <source>1 person</source>
        <translation>1 persona</translation>
    </message>
    <message numerus="yes">
        <location filename="../caseload.py" line="507"/>
        <source>%Ln people found</source>
        <translation>
            <numerusform>%Ln persona encontrada</numerusform>
            <numerusform>%Ln personas encontradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../caseload.py" line="509"/>
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln persona</numerusform>
            <numerusform>%Ln personas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../caseload.py" line="514"/>
        <source>No one called “%1” — add a new person</source>
        <translation>Nadie se llama “%1” — agregar una persona nueva</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="515"/>
        <source>Starts a new person with the name you searched for</source>
        <translation>Empieza una persona nueva con el nombre que buscó</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="519"/>
        <source>Starts the short form for someone new</source>
        <translation>Abre el formulario corto para alguien nuevo</translation>
    </message>
    <message>
        <location filename="../caseload.py" line="525"/>
        <location filename="../caseload.py" line="526"/>
        <source>Number of people</source>
        <translation>Número de personas</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="144"/>
        <location filename="../sync_dialogs.py" line="174"/>
        <source>Enroll this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="145"/>
        <source>Enroll this computer with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="149"/>
        <source>Enroll this computer with your office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="153"/>
        <source>Your office admin gives you an enrollment sheet. Type or paste what it says below. Spaces and capital letters in the fingerprint do not matter. Nothing is sent until the office server proves it is the one on the sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="160"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="161"/>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="161"/>
        <source>four groups of four</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="163"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="163"/>
        <source>13 groups of four letters and digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="165"/>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="167"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="173"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="196"/>
        <source>Please type the server address from the sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="197"/>
        <source>Please type the one-time code from the sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="198"/>
        <source>Please type the fingerprint from the sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="199"/>
        <source>Please type your passphrase, the one you unlock Offramp with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="206"/>
        <source>Checking the office server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="225"/>
        <source>This computer is enrolled with {office} as {user} ({team}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="231"/>
        <source>{n} records already here will go to the office at your next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="238"/>
        <source>{n} demo records stay on this computer: they are fictional practice records and never go to the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="242"/>
        <source>Nothing syncs by itself: press Sync now when you want to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="245"/>
        <location filename="../sync_dialogs.py" line="246"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="255"/>
        <source>That passphrase is not the one this vault opens with. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="260"/>
        <source>Something went wrong while enrolling, and nothing was changed. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../first_run.py" line="133"/>
        <source>Back</source>
        <extracomment>The file name offered when saving the sheet: nothing about the person or the office. How many groups of the code are typed back to show it was written down. The text column takes all the width it may have (up to its maximum); the margins on either side share the rest. The UnlockedVault, at the end. None only in the rare case that the new vault was created but did not open again; the vault exists then and the unlock page should be shown.</extracomment>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="134"/>
        <location filename="../first_run.py" line="847"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="250"/>
        <source>Welcome to Offramp</source>
        <translation>Le damos la bienvenida a Offramp</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="253"/>
        <source>Offramp keeps your notes, contacts, safety plans and deadlines for the people you work with. Everything stays on this computer, in a vault that is encrypted and opens only with your passphrase.

Setting it up takes a few minutes: you will choose a passphrase and write down a recovery code, so please have a pen and paper ready.</source>
        <translation>Offramp guarda sus notas, contactos, planes de seguridad y plazos de las personas con las que trabaja. Todo se queda en este equipo, en una bóveda cifrada que solo se abre con su frase de contraseña.

Prepararla toma unos minutos: elegirá una frase de contraseña y anotará un código de recuperación, así que tenga a mano papel y bolígrafo.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="268"/>
        <source>Choose a passphrase</source>
        <translation>Elija una frase de contraseña</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="272"/>
        <source>A few unrelated words are easy to remember and hard to guess; avoid names, dates and anything about you. No one can reset this passphrase, not IT staff and not the makers of Offramp. Only the recovery code you will get in a moment opens the vault without it.</source>
        <translation>Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar; evite nombres, fechas y cualquier cosa sobre usted. Nadie puede restablecer esta frase de contraseña, ni el personal de informática ni quienes hacen Offramp. Solo el código de recuperación que recibirá en un momento abre la bóveda sin ella.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="280"/>
        <location filename="../first_run.py" line="379"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="281"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="283"/>
        <source>Type it &amp;again</source>
        <translation>Escríbala &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="284"/>
        <source>Type the passphrase again</source>
        <translation>Escriba la frase de contraseña otra vez</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="286"/>
        <location filename="../first_run.py" line="382"/>
        <source>&amp;Show the passphrase</source>
        <translation>&amp;Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="287"/>
        <location filename="../first_run.py" line="383"/>
        <source>Show the passphrase</source>
        <translation>Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="293"/>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="333"/>
        <source>Both match.</source>
        <translation>Las dos coinciden.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="335"/>
        <source>It starts or ends with a space; that space is part of the passphrase.</source>
        <translation>Empieza o termina con un espacio; ese espacio forma parte de la frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="340"/>
        <source>The two do not match yet.</source>
        <translation>Las dos todavía no coinciden.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="346"/>
        <source>Strength: nothing typed yet.</source>
        <translation>Solidez: todavía no ha escrito nada.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="348"/>
        <source>Strength: {label}. {hint}</source>
        <translation>Solidez: {label}. {hint}</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="367"/>
        <source>Type it once more, from memory</source>
        <translation>Escríbala una vez más, de memoria</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="371"/>
        <source>This is practice for the lock screen you will see every day. Type your passphrase once more without looking at anything. Nothing has been created yet, so if it does not come back to you, you can go back and choose another.</source>
        <translation>Es una práctica para la pantalla de bloqueo que verá cada día. Escriba su frase de contraseña una vez más sin mirar nada. Todavía no se ha creado nada, así que si no la recuerda, puede volver atrás y elegir otra.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="380"/>
        <source>Passphrase, from memory</source>
        <translation>Frase de contraseña, de memoria</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="400"/>
        <source>Please type your passphrase first.</source>
        <translation>Primero escriba su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="406"/>
        <source>That is not quite the passphrase you chose. Take your time and try again, or press Back to choose one that is easier to remember.</source>
        <translation>No es exactamente la frase de contraseña que eligió. Tómese su tiempo e inténtelo de nuevo, o pulse Atrás para elegir una más fácil de recordar.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="418"/>
        <source>Creating your vault</source>
        <translation>Creando su bóveda</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="422"/>
        <source>This takes a few seconds. Offramp measures this computer so that anyone trying to guess your passphrase would have to go very slowly.</source>
        <translation>Esto toma unos segundos. Offramp mide este equipo para que quien intente adivinar su frase de contraseña tenga que ir muy despacio.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="432"/>
        <source>Creating the vault</source>
        <translation>Creando la bóveda</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="449"/>
        <source>Creating the encrypted vault…</source>
        <translation>Creando la bóveda cifrada…</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="468"/>
        <source>Checking that your passphrase opens it…</source>
        <translation>Comprobando que su frase de contraseña la abre…</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="494"/>
        <source>The vault could not be created. {reason} Press Back to try again.</source>
        <translation>No se pudo crear la bóveda. {reason} Pulse Atrás para intentarlo de nuevo.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="495"/>
        <source>Something unexpected went wrong.</source>
        <translation>Algo inesperado salió mal.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="506"/>
        <source>Your vault was created, but opening it again did not work. {reason} Your recovery code is on the next page; please write it down before going on.</source>
        <translation>Su bóveda se creó, pero no se pudo volver a abrir. {reason} Su código de recuperación está en la página siguiente; anótelo antes de seguir.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="517"/>
        <source>Your recovery code</source>
        <translation>Su código de recuperación</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="521"/>
        <source>If you ever forget your passphrase, this code is the only way into your vault. It is shown only this once. Please write it down now, or save or print it, and keep it away from this computer, for example in a locked drawer.</source>
        <translation>Si alguna vez olvida su frase de contraseña, este código es la única forma de entrar en su bóveda. Solo se muestra esta vez. Anótelo ahora, o guárdelo o imprímalo, y manténgalo lejos de este equipo, por ejemplo en un cajón con llave.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="530"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="538"/>
        <location filename="../first_run.py" line="545"/>
        <location filename="../first_run.py" line="601"/>
        <source>Group {n}</source>
        <translation>Grupo {n}</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="572"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="573"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="580"/>
        <source>A saved file is best kept off this computer, for example on a USB stick in that drawer.</source>
        <translation>Es mejor guardar el archivo fuera de este equipo, por ejemplo en una memoria USB en ese cajón.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="612"/>
        <source>Save the recovery code</source>
        <translation>Guardar el código de recuperación</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="614"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="626"/>
        <source>The file could not be saved there. Please choose another place, such as a USB stick.</source>
        <translation>No se pudo guardar el archivo ahí. Elija otro lugar, como una memoria USB.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="630"/>
        <source>Saved as “{name}”. Please move it off this computer when you can.</source>
        <translation>Guardado como “{name}”. Sáquelo de este equipo en cuanto pueda.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="639"/>
        <source>Print the recovery code</source>
        <translation>Imprimir el código de recuperación</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="646"/>
        <source>Sent to the printer. Please collect the page straight away.</source>
        <translation>Enviado a la impresora. Recoja la hoja enseguida.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="651"/>
        <source>Check your copy</source>
        <translation>Compruebe su copia</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="655"/>
        <source>To make sure the code was written down correctly, please type two of its groups from your copy. Capital or small letters and spaces do not matter.</source>
        <translation>Para asegurarse de que el código quedó bien anotado, escriba dos de sus grupos tomándolos de su copia. No importan las mayúsculas, las minúsculas ni los espacios.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="669"/>
        <location filename="../first_run.py" line="670"/>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="700"/>
        <source>Group {n} does not match the code.</source>
        <translation>El grupo {n} no coincide con el código.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="702"/>
        <source>Those groups do not match the code.</source>
        <translation>Esos grupos no coinciden con el código.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="704"/>
        <source>That happens. Press Back to look at the code again and compare it with your copy.</source>
        <translation>Suele pasar. Pulse Atrás para ver el código de nuevo y compararlo con su copia.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="713"/>
        <source>When should Offramp lock itself?</source>
        <translation>¿Cuándo debe bloquearse Offramp?</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="717"/>
        <source>When you step away, Offramp locks the vault so no one else can read it, and keeps anything you were typing. You open it again with your passphrase. “Immediately” locks as soon as you switch to another window.</source>
        <translation>Cuando usted se aleja, Offramp bloquea la bóveda para que nadie más pueda leerla, y conserva lo que estaba escribiendo. La vuelve a abrir con su frase de contraseña. “De inmediato” la bloquea en cuanto pasa a otra ventana.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="725"/>
        <source>&amp;Lock after I have been away for</source>
        <translation>&amp;Bloquear cuando me haya ausentado durante</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="727"/>
        <source>Lock after I have been away for</source>
        <translation>Bloquear cuando me haya ausentado durante</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="728"/>
        <source>Lock time choices</source>
        <translation>Opciones de tiempo de bloqueo</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="812"/>
        <source>Step {n} of {total}</source>
        <translation>Paso {n} de {total}</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="842"/>
        <source>Get started</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="843"/>
        <source>Create my vault</source>
        <translation>Crear mi bóveda</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="844"/>
        <source>See my recovery code</source>
        <translation>Ver mi código de recuperación</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="845"/>
        <source>Check</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="846"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="154"/>
        <source>Offramp</source>
        <extracomment>Quick exit has hidden the window and the vault is closed; the app connects this to quitting.</extracomment>
        <translation>Offramp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <source>&amp;Lock</source>
        <extracomment>Typing the lock could not save (a full disk): kept here, in memory only, until the next unlock.</extracomment>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="259"/>
        <source>Lock the vault; unlocking needs the passphrase again</source>
        <translation>Bloquear la bóveda; para desbloquearla hará falta de nuevo la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="263"/>
        <source>Quick e&amp;xit</source>
        <translation>Salida &amp;rápida</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="267"/>
        <source>Quick exit: hide Offramp at once and lock it (Ctrl+Shift+X, or press Escape twice)</source>
        <translation>Salida rápida: ocultar Offramp al instante y bloquearlo (Ctrl+Mayús+X, o pulse Escape dos veces)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="271"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="274"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="277"/>
        <source>&amp;About Offramp</source>
        <translation>&amp;Acerca de Offramp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279"/>
        <source>&amp;Provider directory…</source>
        <translation>&amp;Directorio de proveedores…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="281"/>
        <source>&amp;Follow-ups due…</source>
        <translation>Se&amp;guimientos pendientes…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="283"/>
        <source>Outcome &amp;measures…</source>
        <translation>&amp;Medidas de resultados…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285"/>
        <source>&amp;Templates…</source>
        <translation>&amp;Plantillas…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="288"/>
        <source>&amp;Vault</source>
        <translation>&amp;Bóveda</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="300"/>
        <source>&amp;New person…</source>
        <translation>&amp;Persona nueva…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302"/>
        <source>Add someone new, after checking they are not already here</source>
        <translation>Agregar a alguien nuevo, después de comprobar que no está ya aquí</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="306"/>
        <source>&amp;Person</source>
        <translation>P&amp;ersona</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="309"/>
        <source>Certification &amp;register…</source>
        <translation>&amp;Registro de certificaciones…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="310"/>
        <source>Every U- and T-visa certification request still open</source>
        <translation>Todas las solicitudes de certificación para visas U y T aún abiertas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="315"/>
        <location filename="../main_window.py" line="707"/>
        <source>Shared by &amp;advocates…</source>
        <translation>Compartido por los &amp;defensores…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="316"/>
        <source>Facts advocates shared with your team, to link to your people</source>
        <translation>Datos que los defensores compartieron con su equipo, para vincularlos a sus personas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="328"/>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="330"/>
        <source>Safety tools</source>
        <translation>Herramientas de seguridad</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="337"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="339"/>
        <source>People tools</source>
        <translation>Herramientas de personas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348"/>
        <source>New person</source>
        <translation>Persona nueva</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349"/>
        <source>Add a new person (Ctrl+N)</source>
        <translation>Agregar una persona nueva (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367"/>
        <source>Vault encrypted on this computer</source>
        <translation>Bóveda cifrada en este equipo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="369"/>
        <source>No vault in this folder yet</source>
        <translation>Todavía no hay una bóveda en esta carpeta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="448"/>
        <source>The vault opened but could not be read. It has been locked again; please try once more.</source>
        <translation>La bóveda se abrió, pero no se pudo leer. Se volvió a bloquear; inténtelo una vez más.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="500"/>
        <source>Your unsaved typing is back where you left it.</source>
        <translation>Lo que estaba escribiendo sin guardar está de vuelta donde lo dejó.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="558"/>
        <source>The disk is full, so what you were typing could not be saved into the vault. Offramp keeps it until you unlock again and puts it back; free some space on this computer before closing Offramp.</source>
        <translation>El disco está lleno, así que lo que estaba escribiendo no se pudo guardar en la bóveda. Offramp lo conserva hasta que vuelva a desbloquear y lo devuelve a su sitio; libere espacio en este equipo antes de cerrar Offramp.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="563"/>
        <source>What you were typing could not be saved into the vault. Offramp keeps it until you unlock again and puts it back; please do not close Offramp before that.</source>
        <translation>Lo que estaba escribiendo no se pudo guardar en la bóveda. Offramp lo conserva hasta que vuelva a desbloquear y lo devuelve a su sitio; no cierre Offramp antes de eso.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="579"/>
        <source>Locked because no one was using Offramp for a while.</source>
        <translation>Se bloqueó porque nadie usó Offramp durante un rato.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="584"/>
        <source>Locked because the computer&apos;s screen locked.</source>
        <translation>Se bloqueó porque la pantalla del equipo se bloqueó.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="705"/>
        <source>Shared by &amp;advocates (%1)…</source>
        <translation>Compartido por los &amp;defensores (%1)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="712"/>
        <source>Shared by advocates, %1 waiting</source>
        <translation>Compartido por los defensores, %1 en espera</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="713"/>
        <source>Facts advocates shared with your team, %1 waiting</source>
        <translation>Datos que los defensores compartieron con su equipo, %1 en espera</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="715"/>
        <source>Shared by advocates, none waiting</source>
        <translation>Compartido por los defensores, ninguno en espera</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="716"/>
        <source>Facts advocates shared with your team, none waiting</source>
        <translation>Datos que los defensores compartieron con su equipo, ninguno en espera</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="765"/>
        <source>The share is linked: it shows under Shared by the advocate.</source>
        <translation>Lo compartido quedó vinculado: aparece en Compartido por el defensor.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="768"/>
        <source>The share could not be linked.</source>
        <translation>Lo compartido no se pudo vincular.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="584"/>
        <location filename="../sync_dialogs.py" line="585"/>
        <source>Changes that need a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="588"/>
        <source>Changes that need your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="592"/>
        <source>Two people changed the same thing differently while apart. Every version is kept until you choose. Pick the one to keep, or write one that combines them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="600"/>
        <source>Changes to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="610"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="615"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="616"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="616"/>
        <source>Send my decisions now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="617"/>
        <source>Send decisions now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="619"/>
        <source>Keep my choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="619"/>
        <source>Keep the chosen value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="640"/>
        <source>a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="652"/>
        <source>Nothing waits for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="652"/>
        <source>Nothing to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="665"/>
        <source>A record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="675"/>
        <source>This record was deleted on one computer while it was being changed on another. The change is kept at the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="681"/>
        <location filename="../sync_dialogs.py" line="682"/>
        <source>Keep it as the office has it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="692"/>
        <source>Someone decided this differently, or it was changed after a decision was made. Nothing was replaced: every version is here for you to choose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="696"/>
        <source>Decided differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="701"/>
        <source>It started as: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="703"/>
        <source>Started as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="710"/>
        <source>on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="710"/>
        <source>on another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="714"/>
        <source>Keep this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="715"/>
        <source>Keep version {n}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="718"/>
        <source>Version {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="724"/>
        <source>{who}&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="725"/>
        <source>Who and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="727"/>
        <source>This is what your records show now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="731"/>
        <location filename="../sync_dialogs.py" line="732"/>
        <source>Write a combined version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="736"/>
        <source>Combined version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="741"/>
        <source>A proposed combination of both versions; change it as you need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="772"/>
        <source>Decided. Your choice is saved here and goes to the office with your next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="786"/>
        <source>That could not be saved, and nothing was changed. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <location filename="../new_person.py" line="54"/>
        <source>Name they want to be called</source>
        <translation>Nombre con el que quiere que le llamen</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="55"/>
        <source>The name they use, in their own spelling</source>
        <translation>El nombre que usa, escrito a su manera</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="57"/>
        <source>Other names</source>
        <translation>Otros nombres</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="58"/>
        <source>Names they have used, separated by commas</source>
        <translation>Nombres que ha usado, separados por comas</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="60"/>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="61"/>
        <source>For example she/her, he/him, they/them</source>
        <translation>Por ejemplo ella, él, elle</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="63"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="64"/>
        <source>For example Spanish, English</source>
        <translation>Por ejemplo español, inglés</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="65"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="67"/>
        <source>Age group</source>
        <translation>Grupo de edad</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="68"/>
        <source>If there is no date of birth</source>
        <translation>Si no hay fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="72"/>
        <source>Safe to call</source>
        <translation>Se puede llamar sin riesgo</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="73"/>
        <source>Safe to text</source>
        <translation>Se pueden enviar mensajes sin riesgo</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="74"/>
        <source>Safe to leave a voicemail</source>
        <translation>Se puede dejar un mensaje de voz sin riesgo</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="75"/>
        <source>Safe to send mail</source>
        <translation>Se puede enviar correo postal sin riesgo</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="77"/>
        <source>Safe times to make contact</source>
        <translation>Horarios seguros para contactar</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="78"/>
        <source>For example weekdays after 6 pm</source>
        <translation>Por ejemplo entre semana después de las 6 de la tarde</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="87"/>
        <source>Prosecution</source>
        <translation>Fiscalía</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="88"/>
        <source>Part of the prosecution&apos;s file: not confidential from the prosecution team.</source>
        <translation>Forma parte del expediente de la fiscalía: no es confidencial para el equipo de la fiscalía.</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="91"/>
        <source>Advocacy · privileged</source>
        <translation>Apoyo · confidencial</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="92"/>
        <source>Kept under a community advocate&apos;s confidentiality, and privileged: it never reaches the prosecution.</source>
        <translation>Protegido por la confidencialidad de un defensor comunitario, y privilegiado: nunca llega a la fiscalía.</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="120"/>
        <location filename="../new_person.py" line="121"/>
        <source>New person</source>
        <translation>Persona nueva</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="150"/>
        <source>New person form</source>
        <translation>Formulario de persona nueva</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="154"/>
        <source>A new person</source>
        <translation>Una persona nueva</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="157"/>
        <source>Start with the name they want to be called. Everything else can wait: leave what you do not know, and add more on Details later.</source>
        <translation>Empiece con el nombre con el que quiere que le llamen. Todo lo demás puede esperar: deje en blanco lo que no sepa y agregue más en Detalles después.</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="166"/>
        <source>Confidentiality</source>
        <translation>Confidencialidad</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="178"/>
        <source>Who they are</source>
        <translation>Quién es</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="180"/>
        <source>Reaching them safely</source>
        <translation>Cómo contactarle de forma segura</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="182"/>
        <source>“{not_asked}” is not “no”: ask before using a way nobody has checked.</source>
        <translation>“{not_asked}” no es “no”: pregunte antes de usar una vía que nadie ha confirmado.</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="193"/>
        <source>New person status</source>
        <translation>Estado de la persona nueva</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="194"/>
        <location filename="../new_person.py" line="195"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="196"/>
        <source>Close without saving (Escape)</source>
        <translation>Cerrar sin guardar (Escape)</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="198"/>
        <location filename="../new_person.py" line="199"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="200"/>
        <source>Check for anyone already here with this name, then save (Enter)</source>
        <translation>Buscar si ya hay alguien aquí con este nombre y luego guardar (Intro)</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="214"/>
        <source>Is this someone already here?</source>
        <translation>¿Es alguien que ya está aquí?</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="217"/>
        <source>Possible matches</source>
        <translation>Posibles coincidencias</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="218"/>
        <source>Use the arrow keys to move, and Enter to open the person.</source>
        <translation>Use las flechas para moverse, e Intro para abrir a la persona.</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="224"/>
        <location filename="../new_person.py" line="225"/>
        <source>Back to the form</source>
        <translation>Volver al formulario</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="227"/>
        <location filename="../new_person.py" line="228"/>
        <source>This is someone new</source>
        <translation>Es alguien nuevo</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="229"/>
        <source>Save the new person as typed</source>
        <translation>Guardar la persona nueva tal como la escribió</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="231"/>
        <location filename="../new_person.py" line="232"/>
        <source>Open this person</source>
        <translation>Abrir a esta persona</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="233"/>
        <source>Open the person chosen in the list instead of adding someone (Enter)</source>
        <translation>Abrir a la persona elegida en la lista en vez de agregar a alguien (Intro)</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="239"/>
        <source>Possible matches status</source>
        <translation>Estado de las posibles coincidencias</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="268"/>
        <source>Your unsaved typing is back.</source>
        <translation>Lo que escribió sin guardar está de vuelta.</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="296"/>
        <source>Checking whether they are already here…</source>
        <translation>Comprobando si ya está aquí…</translation>
    </message>
    <message>
        <location filename="../new_person.py" line="356"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>NotAcceptedDialog</name>
    <message>
        <location filename="../not_accepted.py" line="85"/>
        <location filename="../not_accepted.py" line="86"/>
        <location filename="../not_accepted.py" line="89"/>
        <source>Not accepted by the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="89"/>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="93"/>
        <source>The office could not take these, usually because something changed at the office while you were working offline. Nothing you wrote is lost: it is kept here, on this computer only, until you discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="98"/>
        <source>About this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="103"/>
        <source>Work not accepted by the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="113"/>
        <source>Discard it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="113"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="117"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="122"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="123"/>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="123"/>
        <source>Discard this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="124"/>
        <source>Copy what I wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="162"/>
        <source>Nothing here: the office took everything you sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="162"/>
        <source>Nothing here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="178"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="179"/>
        <source>Why: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="179"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="182"/>
        <source>What you can do: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="184"/>
        <source>What you can do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="188"/>
        <location filename="../not_accepted.py" line="191"/>
        <source>What you wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="210"/>
        <source>Copied. Paste it where it belongs within a few seconds: Offramp clears the clipboard soon after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="219"/>
        <source>Discard “{title}” from this computer? What you wrote cannot be brought back here afterwards. Copy it first if you may still need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="241"/>
        <source>Discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="256"/>
        <source>That did not work, and nothing was changed. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickUnlockDialog</name>
    <message>
        <location filename="../quick_unlock.py" line="78"/>
        <source>A PIN for the rest of today?</source>
        <translation>¿Un PIN para el resto del día?</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="87"/>
        <source>Until {time}, Offramp can open with a short PIN instead of your passphrase. Three wrong PINs, a quick exit or the end of the day turn it off; then your passphrase is needed again.</source>
        <translation>Hasta las {time}, Offramp se puede abrir con un PIN corto en lugar de su frase de contraseña. Tres PIN incorrectos, una salida rápida o el fin del día lo desactivan; entonces vuelve a hacer falta su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="96"/>
        <source>&amp;PIN ({low} to {high} digits)</source>
        <translation>&amp;PIN (de {low} a {high} dígitos)</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="97"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="100"/>
        <source>PIN &amp;again</source>
        <translation>PIN &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="100"/>
        <source>PIN again</source>
        <translation>PIN otra vez</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="105"/>
        <source>Use this PIN</source>
        <translation>Usar este PIN</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="106"/>
        <source>Not today</source>
        <translation>Hoy no</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="138"/>
        <source>The two PINs are not the same. Please type them again.</source>
        <translation>Los dos PIN no son iguales. Escríbalos de nuevo.</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="142"/>
        <source>Setting up the PIN…</source>
        <translation>Preparando el PIN…</translation>
    </message>
    <message>
        <location filename="../quick_unlock.py" line="167"/>
        <location filename="../quick_unlock.py" line="168"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../recover_dialog.py" line="269"/>
        <source>Open the vault with your recovery code</source>
        <translation>Abrir la bóveda con su código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="276"/>
        <source>Type the recovery code from the sheet you printed when this vault was made. Spaces, dashes and small letters are fine. Then choose a new passphrase: the old one stops working.</source>
        <translation>Escriba el código de recuperación de la hoja que imprimió al crear esta bóveda. Puede usar espacios, guiones y minúsculas. Luego elija una frase de contraseña nueva: la anterior deja de funcionar.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="283"/>
        <source>Recovery &amp;code</source>
        <translation>&amp;Código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="283"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="286"/>
        <source>&amp;New passphrase</source>
        <translation>Frase de contraseña &amp;nueva</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="286"/>
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="289"/>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="292"/>
        <source>New passphrase &amp;again</source>
        <translation>Frase de contraseña nueva &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="292"/>
        <source>New passphrase again</source>
        <translation>Frase de contraseña nueva otra vez</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="293"/>
        <source>Open the vault</source>
        <translation>Abrir la bóveda</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="294"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="309"/>
        <source>Strength: {label}. {hint}</source>
        <translation>Solidez: {label}. {hint}</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="328"/>
        <source>Opening the vault with the recovery code…</source>
        <translation>Abriendo la bóveda con el código de recuperación…</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="350"/>
        <source>The recovery code cannot mend the database; a backup can.</source>
        <translation>El código de recuperación no puede reparar la base de datos; una copia de seguridad sí.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../recover_dialog.py" line="414"/>
        <source>Restore the vault from a backup</source>
        <translation>Restaurar la bóveda desde una copia de seguridad</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="424"/>
        <source>Choose a backup. It takes the place of the vault on this computer; the vault&apos;s current files are moved into a folder beside it, never deleted.</source>
        <translation>Elija una copia de seguridad. Ocupará el lugar de la bóveda en este equipo; los archivos actuales de la bóveda se mueven a una carpeta al lado, nunca se borran.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="429"/>
        <source>&amp;Backups, newest first</source>
        <translation>&amp;Copias de seguridad, la más reciente primero</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="431"/>
        <source>Backups, newest first</source>
        <translation>Copias de seguridad, la más reciente primero</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="437"/>
        <source>Choose another file…</source>
        <translation>Elegir otro archivo…</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="437"/>
        <source>Choose another backup file</source>
        <translation>Elegir otro archivo de copia de seguridad</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="448"/>
        <source>&amp;Passphrase the vault had when the backup was made</source>
        <translation>&amp;Frase de contraseña que tenía la bóveda cuando se hizo la copia</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="448"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="450"/>
        <source>Recovery &amp;code</source>
        <translation>&amp;Código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="450"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="451"/>
        <source>&amp;New passphrase</source>
        <translation>Frase de contraseña &amp;nueva</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="451"/>
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="452"/>
        <source>New passphrase &amp;again</source>
        <translation>Frase de contraseña nueva &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="452"/>
        <source>New passphrase again</source>
        <translation>Frase de contraseña nueva otra vez</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="453"/>
        <location filename="../recover_dialog.py" line="546"/>
        <source>Use my recovery code instead</source>
        <translation>Usar mi código de recuperación en su lugar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="463"/>
        <location filename="../recover_dialog.py" line="630"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="463"/>
        <location filename="../recover_dialog.py" line="631"/>
        <source>Restore this backup</source>
        <translation>Restaurar esta copia de seguridad</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="464"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="465"/>
        <source>Open my vault</source>
        <translation>Abrir mi bóveda</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="494"/>
        <source>No backups were found in {folder}. Choose the file if it is somewhere else.</source>
        <translation>No se encontraron copias de seguridad en {folder}. Elija el archivo si está en otro lugar.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="514"/>
        <source>Choose an Offramp backup</source>
        <translation>Elegir una copia de seguridad de Offramp</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="516"/>
        <source>Offramp backups (*{suffix});;All files (*)</source>
        <translation>Copias de seguridad de Offramp (*{suffix});;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="546"/>
        <source>Use the passphrase instead</source>
        <translation>Usar la frase de contraseña en su lugar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="561"/>
        <source>Please choose a backup first.</source>
        <translation>Primero elija una copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="577"/>
        <source>Please type the passphrase the vault had when the backup was made.</source>
        <translation>Escriba la frase de contraseña que tenía la bóveda cuando se hizo la copia.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="593"/>
        <source>Checking the backup and putting it in place…</source>
        <translation>Comprobando la copia de seguridad y poniéndola en su lugar…</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="620"/>
        <source>{question} Choose “Replace this vault” to go on, or Cancel.</source>
        <translation>{question} Elija “Reemplazar esta bóveda” para seguir, o Cancelar.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="622"/>
        <source>Replace this vault</source>
        <translation>Reemplazar esta bóveda</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="623"/>
        <source>Replace this vault with the other vault&apos;s backup</source>
        <translation>Reemplazar esta bóveda con la copia de seguridad de la otra bóveda</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="647"/>
        <source>The backup is back in place</source>
        <translation>La copia de seguridad está en su lugar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="650"/>
        <source>The vault is open again. The files it replaced were kept, not deleted, in this folder:

{folder}</source>
        <translation>La bóveda está abierta de nuevo. Los archivos que reemplazó se conservaron, sin borrarse, en esta carpeta:

{folder}</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="653"/>
        <source>The vault is open again.</source>
        <translation>La bóveda está abierta de nuevo.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="666"/>
        <source>The backup was put in place, but the vault did not open: {problem}</source>
        <translation>La copia de seguridad se puso en su lugar, pero la bóveda no se abrió: {problem}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../quick_unlock.py" line="31"/>
        <location filename="../settings_dialog.py" line="52"/>
        <source>Your office has turned quick unlock off, so the passphrase is always needed.</source>
        <extracomment>vault id -&gt; when &quot;Not today&quot; stops counting (the end of that working day).
----------
Set by the office, not by the person at this computer: shown through their effect, never as a control. Sensible bounds for number settings (the declarations give a type and a default, not a range).</extracomment>
        <translation>Su oficina desactivó el desbloqueo rápido, así que siempre hace falta la frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="55"/>
        <source>Your office sets these for every computer enrolled with it, so they cannot be changed here.</source>
        <translation>Su oficina fija estas opciones para todos los equipos inscritos con ella, así que no se pueden cambiar aquí.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58"/>
        <source>Your office asks that the vault lock after at most {limit}; you may choose a shorter time.</source>
        <translation>Su oficina pide que la bóveda se bloquee después de {limit} como máximo; puede elegir un tiempo más corto.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>A release&apos;s first and last days are counted in the office&apos;s time zone: {zone}.</source>
        <translation>El primer y el último día de una autorización se cuentan en la zona horaria de la oficina: {zone}.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69"/>
        <source>Immediately</source>
        <translation>De inmediato</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="87"/>
        <source>System default</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="121"/>
        <location filename="../settings_dialog.py" line="132"/>
        <source>Settings</source>
        <extracomment>How each setting&apos;s choices read, by key; anything else shows its value.</extracomment>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="176"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="177"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="210"/>
        <source>Set by your office</source>
        <translation>Fijado por su oficina</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="236"/>
        <source>UTC (your office has not chosen one)</source>
        <translation>UTC (su oficina no ha elegido una)</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <location filename="../sync_dialogs.py" line="806"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="809"/>
        <source>Sync now: send your changes to the office and receive theirs (Ctrl+Shift+Y)</source>
        <translation>Sincronizar ahora: enviar sus cambios a la oficina y recibir los suyos (Ctrl+Mayús+Y)</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="812"/>
        <source>Changes that need a &amp;decision…</source>
        <translation>Cambios que necesitan una &amp;decisión…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="814"/>
        <source>&amp;Not accepted by the office…</source>
        <translation>&amp;No aceptado por la oficina…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="816"/>
        <source>&amp;Enroll this computer…</source>
        <translation>&amp;Inscribir este equipo…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="818"/>
        <source>&amp;Office</source>
        <translation>&amp;Oficina</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="829"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="830"/>
        <location filename="../sync_dialogs.py" line="835"/>
        <source>Sync reminder</source>
        <translation>Recordatorio de sincronización</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="885"/>
        <source>This computer holds changes not synced with your office for {days} days. When you are on the office network, press Sync now.</source>
        <translation>Este equipo tiene cambios sin sincronizar con su oficina desde hace {days} días. Cuando esté en la red de la oficina, pulse Sincronizar ahora.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="963"/>
        <source>The person you had open is no longer on this computer after the sync; the sync summary says why.</source>
        <translation>La persona que tenía abierta ya no está en este equipo después de la sincronización; el resumen de la sincronización explica por qué.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="288"/>
        <location filename="../sync_dialogs.py" line="289"/>
        <source>Sync with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="299"/>
        <source>Getting ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="300"/>
        <source>Sync details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="307"/>
        <source>Sync step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="309"/>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="322"/>
        <location filename="../sync_dialogs.py" line="337"/>
        <location filename="../sync_dialogs.py" line="390"/>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="323"/>
        <source>Decide now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="323"/>
        <source>Decide now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="325"/>
        <source>See what was not accepted…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="325"/>
        <source>See what the office did not accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="327"/>
        <location filename="../sync_dialogs.py" line="364"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="327"/>
        <source>Stop sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="328"/>
        <location filename="../sync_dialogs.py" line="390"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="375"/>
        <source>Ready to sync with your office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="376"/>
        <source>Office server: {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="378"/>
        <source>To send from this computer: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="380"/>
        <source>Nothing new to send from this computer. Sync will bring your office&apos;s changes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="383"/>
        <source>Some of it is shared with another team, under these consents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="386"/>
        <source>Nothing in it is shared outside your team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="388"/>
        <source>Editing waits while the sync runs. You can stop it at any time; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="401"/>
        <source>Syncing with your office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="403"/>
        <source>Please keep Offramp open. Editing waits until the sync has finished; stopping loses nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="405"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="420"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="421"/>
        <source>Stopping after the step under way…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="432"/>
        <source>Sync finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="436"/>
        <location filename="../sync_dialogs.py" line="472"/>
        <location filename="../sync_dialogs.py" line="476"/>
        <location filename="../sync_dialogs.py" line="485"/>
        <location filename="../sync_dialogs.py" line="491"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="467"/>
        <source>Something went wrong during the sync. Nothing was lost; please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="470"/>
        <source>Sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="472"/>
        <source>Carry on syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="474"/>
        <source>The connection was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="476"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="478"/>
        <source>This computer is not enrolled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="481"/>
        <source>Ask your office admin for an enrollment sheet, then choose Office → Enroll this computer… to connect it. Your work stays safe on this computer until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="488"/>
        <source>The sync did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="488"/>
        <source>Sync cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnexpectedProblemDialog</name>
    <message>
        <location filename="../errors.py" line="132"/>
        <source>Offramp</source>
        <translation>Offramp</translation>
    </message>
    <message>
        <location filename="../errors.py" line="147"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../errors.py" line="148"/>
        <source>Close this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../unlock.py" line="95"/>
        <source>Offramp</source>
        <translation>Offramp</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="101"/>
        <location filename="../unlock.py" line="269"/>
        <location filename="../unlock.py" line="293"/>
        <location filename="../unlock.py" line="399"/>
        <source>Your vault is locked. Type your passphrase to open it.</source>
        <translation>Su bóveda está bloqueada. Escriba su frase de contraseña para abrirla.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="104"/>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="107"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="117"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="120"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="128"/>
        <location filename="../unlock.py" line="129"/>
        <location filename="../unlock.py" line="325"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="134"/>
        <source>Use my passphrase instead</source>
        <translation>Usar mi frase de contraseña en su lugar</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="140"/>
        <source>Opening the vault</source>
        <translation>Abriendo la bóveda</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="154"/>
        <source>Use my recovery code…</source>
        <translation>Usar mi código de recuperación…</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="155"/>
        <source>Use my recovery code</source>
        <translation>Usar mi código de recuperación</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="156"/>
        <source>Restore the latest backup…</source>
        <translation>Restaurar la copia de seguridad más reciente…</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="157"/>
        <source>Restore the latest backup</source>
        <translation>Restaurar la copia de seguridad más reciente</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="167"/>
        <source>Demo vault: the passphrase is offramp demo</source>
        <translation>Bóveda de demostración: la frase de contraseña es offramp demo</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="240"/>
        <source>There is no vault in this folder. Start Offramp again to set one up, or create one with:

{command}</source>
        <translation>No hay ninguna bóveda en esta carpeta. Abra Offramp de nuevo para preparar una, o créela con:

{command}</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="263"/>
        <source>Your vault is locked. Type today&apos;s PIN to open it.</source>
        <translation>Su bóveda está bloqueada. Escriba el PIN de hoy para abrirla.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="304"/>
        <source>Locked at {time}. Everything is saved in the vault.</source>
        <translation>Bloqueada a las {time}. Todo está guardado en la bóveda.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="321"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../unlock.py" line="323"/>
        <source>Try again in %n s</source>
        <translation>
            <numerusform>Inténtelo de nuevo en %n s</numerusform>
            <numerusform>Inténtelo de nuevo en %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../unlock.py" line="348"/>
        <source>Please type your passphrase first.</source>
        <translation>Primero escriba su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="359"/>
        <source>Please type your PIN first.</source>
        <translation>Primero escriba su PIN.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="368"/>
        <source>Opening the vault…</source>
        <translation>Abriendo la bóveda…</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="418"/>
        <source>The vault could not be opened because of an unexpected problem. Nothing was changed. Please try again; if it keeps happening, ask your IT contact for help.</source>
        <translation>No se pudo abrir la bóveda por un problema inesperado. No se cambió nada. Inténtelo de nuevo; si sigue pasando, pida ayuda a su contacto de informática.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="444"/>
        <source>Part of the vault&apos;s database is damaged.</source>
        <translation>Una parte de la base de datos de la bóveda está dañada.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../errors.py" line="49"/>
        <source>Something unexpected went wrong. Nothing was changed. Please try again; if it keeps happening, ask your IT contact for help.</source>
        <extracomment>The app&apos;s words for a step that failed in a way nobody planned for.</extracomment>
        <translation>Algo inesperado salió mal. No se cambió nada. Inténtelo de nuevo; si sigue pasando, pida ayuda a su contacto de informática.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="54"/>
        <source>Something unexpected went wrong</source>
        <translation>Algo inesperado salió mal</translation>
    </message>
    <message>
        <location filename="../errors.py" line="56"/>
        <source>Offramp stopped that step because of an unexpected problem. What you saved before is safe in the vault. Please try again; if it keeps happening, ask your IT contact for help.</source>
        <extracomment>For an error nobody caught: the step stopped, but what was saved before is in the vault.</extracomment>
        <translation>Offramp detuvo ese paso por un problema inesperado. Lo que guardó antes está a salvo en la bóveda. Inténtelo de nuevo; si sigue pasando, pida ayuda a su contacto de informática.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../person/fields.py" line="39"/>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <location filename="../person/fields.py" line="40"/>
        <source>Not asked yet</source>
        <translation>Aún sin preguntar</translation>
    </message>
    <message>
        <location filename="../person/fields.py" line="121"/>
        <source>Yes</source>
        <extracomment>The widest (in pixels) a row of buttons or a form&apos;s columns lay themselves out: what fits beside the section list on a 1280-pixel-wide screen. Beyond it (large text) they take more rows instead of scrolling sideways. How many characters of a choice a closed drop-down shows before it shortens the text with an ellipsis.</extracomment>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../person/fields.py" line="121"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../person/fields.py" line="133"/>
        <source>YYYY-MM-DD, or leave empty</source>
        <translation>AAAA-MM-DD, o dejar en blanco</translation>
    </message>
    <message>
        <location filename="../person/forms.py" line="101"/>
        <source> (required)</source>
        <translation> (obligatorio)</translation>
    </message>
</context>
<context>
    <name>recover</name>
    <message>
        <location filename="../recover_dialog.py" line="246"/>
        <source>Please choose a new passphrase.</source>
        <translation>Elija una frase de contraseña nueva.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="252"/>
        <source>The two new passphrases are not the same. Please type them again.</source>
        <translation>Las dos frases de contraseña nuevas no son iguales. Escríbalas de nuevo.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="359"/>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="360"/>
        <source>Made before an update</source>
        <translation>Hecha antes de una actualización</translation>
    </message>
</context>
</TS>
