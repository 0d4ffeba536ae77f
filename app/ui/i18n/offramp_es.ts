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
        <location filename="../recover_dialog.py" line="103"/>
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
    <name>CertificationRegisterDialog</name>
    <message>
        <location filename="../certification_register.py" line="52"/>
        <source>Certification register</source>
        <translation>Registro de certificaciones</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="53"/>
        <source>Certification requests still open</source>
        <translation>Solicitudes de certificación todavía abiertas</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="54"/>
        <source>Every U- and T-visa certification request this office has not decided yet, oldest first, with the office&apos;s own deadline to decide.</source>
        <translation>Cada solicitud de certificación de visa U o T que esta oficina todavía no ha decidido, de la más antigua a la más reciente, con el plazo de la propia oficina para decidir.</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="59"/>
        <source>Certification register summary</source>
        <translation>Resumen del registro de certificaciones</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="60"/>
        <source>Open certification requests</source>
        <translation>Solicitudes de certificación abiertas</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="61"/>
        <source>Oldest first. Press Enter to open the person at Certifications.</source>
        <translation>Las más antiguas primero. Pulse Intro para abrir a la persona en Certificaciones.</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="64"/>
        <source>Open the chosen person at Certifications</source>
        <translation>Abrir a la persona elegida en Certificaciones</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="65"/>
        <source>Close the certification register</source>
        <translation>Cerrar el registro de certificaciones</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="91"/>
        <source>Choose one and press Enter to open the person.</source>
        <translation>Elija una y pulse Intro para abrir a la persona.</translation>
    </message>
    <message>
        <location filename="../certification_register.py" line="94"/>
        <source>No certification request is waiting for a decision.</source>
        <translation>Ninguna solicitud de certificación espera una decisión.</translation>
    </message>
</context>
<context>
    <name>CertificationsSection</name>
    <message>
        <location filename="../person/certifications.py" line="56"/>
        <source>Requests that this office, as a certifying agency, sign a U-visa supplement (Form I-918 Supplement B) or a T-visa declaration (Form I-914 Supplement B) for this person. Signing is the office&apos;s decision. USCIS accepts a signed I-918 Supplement B for 6 months.</source>
        <translation>Solicitudes para que esta oficina, como agencia certificadora, firme un suplemento de visa U (Formulario I-918 Suplemento B) o una declaración de visa T (Formulario I-914 Suplemento B) para esta persona. Firmar es una decisión de la oficina. USCIS acepta un I-918 Suplemento B firmado durante 6 meses.</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="64"/>
        <source>Request received on</source>
        <translation>Solicitud recibida el</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="68"/>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="76"/>
        <source>Requested by</source>
        <translation>La pidió</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="82"/>
        <source>Requester&apos;s name or organization</source>
        <translation>Nombre o organización de quien la pide</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="83"/>
        <source>For example, the legal aid office</source>
        <translation>Por ejemplo, la oficina de ayuda legal</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="88"/>
        <source>Case it relates to</source>
        <translation>Caso con el que se relaciona</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="94"/>
        <source>Helpfulness facts reviewed</source>
        <translation>Hechos de colaboración revisados</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="95"/>
        <source>What the person did to help the investigation or prosecution, as reviewed</source>
        <translation>Lo que hizo la persona para ayudar en la investigación o el proceso penal, según se revisó</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="104"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="109"/>
        <source>Date of the decision</source>
        <translation>Fecha de la decisión</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="113"/>
        <source>Decided by</source>
        <translation>Decidido por</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="115"/>
        <source>The name of the person who decided</source>
        <translation>El nombre de la persona que decidió</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="120"/>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="121"/>
        <source>The certifying official who signed</source>
        <translation>El funcionario certificador que firmó</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="123"/>
        <source>Signed on</source>
        <translation>Firmado el</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="127"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="128"/>
        <source>Needed when the request is declined</source>
        <translation>Hace falta cuando se rechaza la solicitud</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="168"/>
        <source>Certified</source>
        <extracomment>The decision form&apos;s fields that only a certification needs. The office&apos;s decisions in the drop-down (in the section&apos;s words: &quot;Declined&quot; is the office&apos;s, not the person&apos;s).</extracomment>
        <translation>Certificada</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="169"/>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="170"/>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="191"/>
        <source>Certification form</source>
        <extracomment>The forms in the drop-down, short enough to read whole in a closed choice box.</extracomment>
        <translation>Formulario de certificación</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="192"/>
        <source>Cancel and go back to certifications</source>
        <translation>Cancelar y volver a las certificaciones</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="211"/>
        <location filename="../person/certifications.py" line="216"/>
        <source>Certifications</source>
        <extracomment>The form on show (&quot;receive&quot; or &quot;decide&quot;, and the request decided), for unsaved typing kept over a lock. Unsaved typing handed back after an unlock, waiting for the person&apos;s requests to arrive.</extracomment>
        <translation>Certificaciones</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="219"/>
        <source>Certification requests</source>
        <translation>Solicitudes de certificación</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="221"/>
        <source>Open requests first, oldest first, then the decided ones. Each says its deadline.</source>
        <translation>Primero las solicitudes abiertas, la más antigua primero; luego las decididas. Cada una dice su plazo.</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="232"/>
        <source>No certification request is recorded for this person.</source>
        <translation>No hay ninguna solicitud de certificación registrada para esta persona.</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="235"/>
        <source>Record a request received…</source>
        <translation>Registrar una solicitud recibida…</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="235"/>
        <source>Record a certification request received</source>
        <translation>Registrar una solicitud de certificación recibida</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="238"/>
        <source>Record the decision…</source>
        <translation>Registrar la decisión…</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="238"/>
        <source>Record the decision on the chosen request</source>
        <translation>Registrar la decisión sobre la solicitud elegida</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="241"/>
        <source>Add it to the disclosure review</source>
        <translation>Agregarla a la revisión para la divulgación</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="242"/>
        <source>Add the chosen certification to the disclosure review</source>
        <translation>Agregar la certificación elegida a la revisión para la divulgación</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="249"/>
        <source>Certifications message</source>
        <translation>Mensaje de certificaciones</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="440"/>
        <source>A certification request received</source>
        <translation>Una solicitud de certificación recibida</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="445"/>
        <source>The office&apos;s deadline to decide is set from the day it was received, by the office&apos;s policy.</source>
        <translation>El plazo de la oficina para decidir se fija a partir del día en que se recibió, según la política de la oficina.</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="479"/>
        <source>The office&apos;s decision</source>
        <translation>La decisión de la oficina</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="484"/>
        <source>{form}, received {day}. A decision is named and dated; a request that is declined needs the reason.</source>
        <translation>{form}, recibida el {day}. Una decisión lleva nombre y fecha; una solicitud rechazada necesita el motivo.</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="510"/>
        <source>Added to the disclosure review as a benefit given: an immigration certification.</source>
        <translation>Se agregó a la revisión para la divulgación como un beneficio dado: una certificación de inmigración.</translation>
    </message>
</context>
<context>
    <name>ChargesEditor</name>
    <message>
        <location filename="../person/justice.py" line="119"/>
        <source>Offense, as on the docket</source>
        <extracomment>The choices&apos; words (the core&apos;s catalogue), as the drop-downs and the list show them.</extracomment>
        <translation>Delito, tal como aparece en el expediente</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="121"/>
        <location filename="../person/justice.py" line="183"/>
        <source>Statute</source>
        <translation>Ley</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="123"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="129"/>
        <source>Charge {number}: offense</source>
        <translation>Cargo {number}: delito</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="132"/>
        <source>Charge {number}: statute</source>
        <translation>Cargo {number}: ley</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="135"/>
        <source>Charge {number}: level</source>
        <translation>Cargo {number}: nivel</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="138"/>
        <source>Remove charge {number}</source>
        <translation>Quitar el cargo {number}</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="183"/>
        <source>Offense</source>
        <extracomment>The column headings, each tied to the first row&apos;s field (every field also has its own accessible name).</extracomment>
        <translation>Delito</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="183"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="191"/>
        <source>No charges recorded.</source>
        <extracomment>Each charge on two lines (offense and statute, then level and Remove) when one line would squeeze the fields below ten letters (at twice the text size they were 124 px wide); decided again on each resize.</extracomment>
        <translation>No hay cargos registrados.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="192"/>
        <source>Add a charge</source>
        <translation>Agregar un cargo</translation>
    </message>
</context>
<context>
    <name>ChargingPanel</name>
    <message>
        <location filename="../person/justice.py" line="374"/>
        <source>Charging decisions</source>
        <extracomment>A charging decision was saved (the matter&apos;s own status then no longer speaks of the last save).</extracomment>
        <translation>Decisiones sobre los cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="380"/>
        <source>A decision about the charges, made by a named person with a date and a reason. A later decision keeps the earlier one in the history.</source>
        <translation>Una decisión sobre los cargos, tomada por una persona con nombre, con una fecha y un motivo. Una decisión posterior deja la anterior en el historial.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="387"/>
        <source>Charging decision in force</source>
        <translation>Decisión vigente sobre los cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="388"/>
        <source>Earlier decisions</source>
        <translation>Decisiones anteriores</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="390"/>
        <source>Earlier charging decisions</source>
        <translation>Decisiones anteriores sobre los cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="392"/>
        <source>Record a charging decision…</source>
        <translation>Registrar una decisión sobre los cargos…</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="392"/>
        <location filename="../person/justice.py" line="635"/>
        <source>Record a charging decision</source>
        <translation>Registrar una decisión sobre los cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="396"/>
        <source>Revise this decision…</source>
        <translation>Revisar esta decisión…</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="396"/>
        <source>Revise this charging decision</source>
        <translation>Revisar esta decisión sobre los cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="401"/>
        <source>Charging decision status</source>
        <translation>Estado de la decisión sobre los cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="410"/>
        <source>Choose a decision</source>
        <translation>Elija una decisión</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="412"/>
        <source>Decision (required)</source>
        <translation>Decisión (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="415"/>
        <source>Date decided (required)</source>
        <translation>Fecha de la decisión (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="418"/>
        <source>Decided by (required)</source>
        <translation>Decidido por (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="419"/>
        <source>The name of the person who decided</source>
        <translation>El nombre de la persona que decidió</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="421"/>
        <source>Reason (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="422"/>
        <source>The reason, in words.</source>
        <translation>El motivo, con palabras.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="425"/>
        <source>What informed it</source>
        <translation>En qué se basó</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="428"/>
        <source>Informed by the identification decision in force that day</source>
        <translation>Se basó en la decisión de identificación vigente ese día</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="430"/>
        <source>No identification decision was in force on that day.</source>
        <translation>Ese día no había ninguna decisión de identificación vigente.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="433"/>
        <location filename="../person/justice.py" line="585"/>
        <source>No screening</source>
        <translation>Sin evaluación</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="434"/>
        <source>Screening that informed it</source>
        <translation>Evaluación en la que se basó</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="435"/>
        <source>The person&apos;s own account</source>
        <translation>El relato de la propia persona</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="436"/>
        <source>Informed by the person&apos;s own account</source>
        <translation>Se basó en el relato de la propia persona</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="437"/>
        <location filename="../person/justice.py" line="586"/>
        <source>No input from the advocate</source>
        <translation>Sin aportes del defensor</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="438"/>
        <source>The advocate&apos;s input, shared under a release</source>
        <translation>Lo que aportó el defensor, compartido con una autorización</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="442"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="442"/>
        <source>Cancel this charging decision</source>
        <translation>Cancelar esta decisión sobre los cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="444"/>
        <source>Save the decision</source>
        <translation>Guardar la decisión</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="444"/>
        <source>Save this charging decision</source>
        <translation>Guardar esta decisión sobre los cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="445"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="452"/>
        <source>&amp;Decision (required)</source>
        <translation>&amp;Decisión (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="453"/>
        <source>Da&amp;te decided (required)</source>
        <translation>&amp;Fecha de la decisión (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="454"/>
        <source>Decided &amp;by (required)</source>
        <translation>Decidido &amp;por (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="455"/>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Motivo (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="469"/>
        <source>&amp;Screening</source>
        <translation>&amp;Evaluación</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="472"/>
        <source>The &amp;advocate&apos;s input</source>
        <translation>Lo que &amp;aportó el defensor</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="563"/>
        <source>No charging decision recorded for this matter yet.</source>
        <translation>Todavía no hay una decisión sobre los cargos registrada para este asunto.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="565"/>
        <source>In force: {decision}</source>
        <translation>Vigente: {decision}</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="618"/>
        <source>Informed by the {decision}</source>
        <translation>Se basó en la {decision}</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="630"/>
        <source>Revise the decision of {day} ({decision}). It stays in the history.</source>
        <translation>Revisar la decisión del {day} ({decision}). Queda en el historial.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="729"/>
        <source>Please choose a decision.</source>
        <translation>Elija una decisión, por favor.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="745"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="756"/>
        <source>Saved: {decision}, {day}.</source>
        <translation>Guardado: {decision}, {day}.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="768"/>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
</context>
<context>
    <name>ComponentEditor</name>
    <message>
        <location filename="../person/safety.py" line="333"/>
        <source>What this part covers</source>
        <translation>De qué trata esta parte</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="334"/>
        <source>Recorded choice</source>
        <translation>Decisión registrada</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="343"/>
        <source>The person&apos;s choice: {choice}</source>
        <translation>La decisión de la persona: {choice}</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="361"/>
        <location filename="../person/safety.py" line="362"/>
        <source>In the person&apos;s own words</source>
        <translation>En palabras de la persona</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="364"/>
        <location filename="../person/safety.py" line="365"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="367"/>
        <source>Warning about this place</source>
        <translation>Aviso sobre este lugar</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="369"/>
        <source>Part status</source>
        <translation>Estado de esta parte</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="370"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="370"/>
        <source>Save this part</source>
        <translation>Guardar esta parte</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="372"/>
        <source>Records a new dated revision; what was there before stays in the history.</source>
        <translation>Registra una revisión nueva con fecha; lo que había antes queda en el historial.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="374"/>
        <source>Earlier</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="375"/>
        <source>Earlier choices for this part</source>
        <translation>Decisiones anteriores de esta parte</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="392"/>
        <source>People the person trusts</source>
        <translation>Personas de confianza</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="427"/>
        <source>Nothing recorded yet.</source>
        <translation>Todavía no hay nada registrado.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="430"/>
        <source>Recorded on {date}: {choice}.</source>
        <translation>Registrado el {date}: {choice}.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="441"/>
        <source>Places, by a name or code (one a line)</source>
        <translation>Lugares, por un nombre o un código (uno por línea)</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="443"/>
        <source>Your notes (not on the person&apos;s copy)</source>
        <translation>Sus notas (no aparecen en la copia de la persona)</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="445"/>
        <source>For example: my aunt&apos;s place, the blue cafe</source>
        <translation>Por ejemplo: la casa de mi tía, el café azul</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="453"/>
        <source>Changed on {date}: was {choice} — “{words}”</source>
        <translation>Cambió el {date}: antes era {choice} — “{words}”</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="455"/>
        <source>Changed on {date}: was {choice}</source>
        <translation>Cambió el {date}: antes era {choice}</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="460"/>
        <source>First recorded on {date}: {choice}</source>
        <translation>Registrado por primera vez el {date}: {choice}</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <location filename="../person/safety.py" line="222"/>
        <source>Name or nickname</source>
        <translation>Nombre o apodo</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="223"/>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="224"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="225"/>
        <source>Word for “safe to talk”</source>
        <translation>Palabra para “puedo hablar”</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="226"/>
        <source>Word for “not safe”</source>
        <translation>Palabra para “no es seguro”</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="227"/>
        <source>What they do if not safe</source>
        <translation>Qué hace si no es seguro</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="235"/>
        <source>Safe contacts</source>
        <translation>Contactos de confianza</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="245"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="246"/>
        <source>Contact: {field}</source>
        <translation>Contacto: {field}</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="253"/>
        <source>for example: call 911, come and collect me</source>
        <translation>por ejemplo: llamar al 911, venir a buscarme</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="255"/>
        <source>New contact</source>
        <translation>Contacto nuevo</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="255"/>
        <source>New safe contact</source>
        <translation>Contacto de confianza nuevo</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="256"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="256"/>
        <source>Remove this safe contact</source>
        <translation>Quitar este contacto de confianza</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="257"/>
        <source>Save contact</source>
        <translation>Guardar el contacto</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="257"/>
        <source>Save this safe contact</source>
        <translation>Guardar este contacto de confianza</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../dashboard.py" line="237"/>
        <source>Outcome measures</source>
        <extracomment>The items&apos; padding (the style sheet&apos;s 9 px above and below, 10 px each side) and the focus frame.</extracomment>
        <translation>Medidas de resultados</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="262"/>
        <source>Outcome measures · my caseload</source>
        <extracomment>The whole report (every measure with its parts, and the trend): set once everything is in. Counts one measure shares with another (6 and 7 count the same people), for one load only; touched only by the worker, one task after another. What went wrong while working the measures out, kept on the status line until the next refresh. Until the user touches the period or the demo box, the first load may choose them (practice vault).</extracomment>
        <translation>Medidas de resultados · mis casos</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="264"/>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="272"/>
        <source>Include demo records (practice data)</source>
        <translation>Incluir registros de demostración (datos de práctica)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="273"/>
        <source>Include demo records</source>
        <translation>Incluir registros de demostración</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="279"/>
        <source>&amp;Period</source>
        <translation>&amp;Período</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="296"/>
        <source>Demo records are counted: these are practice numbers, not real work.</source>
        <translation>Se cuentan los registros de demostración: son cifras de práctica, no trabajo real.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="297"/>
        <source>Demo records are counted</source>
        <translation>Se cuentan los registros de demostración</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="300"/>
        <source>Working out the measures…</source>
        <translation>Calculando las medidas…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="301"/>
        <source>Dashboard status</source>
        <translation>Estado del panel</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="305"/>
        <source>Measures</source>
        <translation>Medidas</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="307"/>
        <source>Choose a measure with the arrow keys. Press F1 for what it counts.</source>
        <translation>Elija una medida con las flechas. Pulse F1 para ver qué cuenta.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="320"/>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="326"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="328"/>
        <source>Counted</source>
        <translation>Contados</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="331"/>
        <source>Provisional</source>
        <translation>Preliminar</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="333"/>
        <location filename="../dashboard.py" line="847"/>
        <source>What this counts (F1)</source>
        <translation>Qué cuenta (F1)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="333"/>
        <source>What this counts</source>
        <translation>Qué cuenta</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="337"/>
        <source>People behind this number…</source>
        <translation>Personas detrás de esta cifra…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="337"/>
        <location filename="../dashboard.py" line="354"/>
        <source>People behind this number</source>
        <translation>Personas detrás de esta cifra</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="342"/>
        <source>Definition</source>
        <translation>Definición</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="346"/>
        <source>Last eight quarters</source>
        <translation>Últimos ocho trimestres</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="348"/>
        <source>Trend</source>
        <translation>Tendencia</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="351"/>
        <source>Parts of this number</source>
        <translation>Partes de esta cifra</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="391"/>
        <source>Export the quarterly report…</source>
        <translation>Exportar el informe trimestral…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="391"/>
        <source>Export the quarterly report as a PDF or CSV file</source>
        <translation>Exportar el informe trimestral como archivo PDF o CSV</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="394"/>
        <source>The same report as the office&apos;s quarterly one: counts only, small ones hidden</source>
        <translation>El mismo informe que el trimestral de la oficina: solo cifras, y las pequeñas ocultas</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397"/>
        <source>Close the dashboard</source>
        <translation>Cerrar el panel</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="628"/>
        <source>{number}. {title}: still being worked out</source>
        <translation>{number}. {title}: todavía se está calculando</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="634"/>
        <source>{value} · provisional</source>
        <translation>{value} · preliminar</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="646"/>
        <source>Working out the measures: {ready} of {total} ready…</source>
        <translation>Calculando las medidas: {ready} de {total} listas…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="650"/>
        <source>All {total} measures are ready; working out their parts and the last eight quarters…</source>
        <translation>Las {total} medidas están listas; calculando sus partes y los últimos ocho trimestres…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="657"/>
        <source>{period}, worked out on {date}. Demo records are counted.</source>
        <translation>{period}, calculado el {date}. Se cuentan los registros de demostración.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="659"/>
        <source>{period}, worked out on {date}. Demo records are left out.</source>
        <translation>{period}, calculado el {date}. No se incluyen los registros de demostración.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="682"/>
        <source>PDF with charts (*.pdf)</source>
        <translation>PDF con gráficos (*.pdf)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="683"/>
        <source>CSV for a spreadsheet (*.csv)</source>
        <translation>CSV para una hoja de cálculo (*.csv)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="684"/>
        <source>Funder export, VOCA PMT items (*.csv)</source>
        <translation>Exportación para el financiador, elementos de VOCA PMT (*.csv)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="688"/>
        <source>Export the quarterly report</source>
        <translation>Exportar el informe trimestral</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="703"/>
        <source>Saving the quarterly report…</source>
        <translation>Guardando el informe trimestral…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="721"/>
        <source>The quarterly report is saved as a PDF. It holds counts only, with small ones hidden; keep it where your office keeps its reports.</source>
        <translation>El informe trimestral se guardó como PDF. Contiene solo cifras, con las pequeñas ocultas; guárdelo donde su oficina guarda sus informes.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="725"/>
        <source>The quarterly report is saved as a CSV file. It holds counts only, with small ones hidden; keep it where your office keeps its reports.</source>
        <translation>El informe trimestral se guardó como archivo CSV. Contiene solo cifras, con las pequeñas ocultas; guárdelo donde su oficina guarda sus informes.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="729"/>
        <source>The quarterly report is saved as a funder export (CSV). It holds counts only, with small ones hidden; keep it where your office keeps its reports.</source>
        <translation>El informe trimestral se guardó como exportación para el financiador (CSV). Contiene solo cifras, con las pequeñas ocultas; guárdelo donde su oficina guarda sus informes.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="740"/>
        <source>The report was not saved. {reason}</source>
        <translation>No se guardó el informe. {reason}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="788"/>
        <source>Working out…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="801"/>
        <source>Provisional. {reason}</source>
        <translation>Preliminar. {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../dashboard.py" line="807"/>
        <source>Last %n quarters</source>
        <translation>
            <numerusform>Último trimestre</numerusform>
            <numerusform>Últimos %n trimestres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="811"/>
        <source>{year} Q{quarter}</source>
        <translation>{year} T{quarter}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="819"/>
        <source>The last eight quarters are still being worked out…</source>
        <translation>Todavía se están calculando los últimos ocho trimestres…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="830"/>
        <source>{label}: {value} (from {basis})</source>
        <translation>{label}: {value} (de {basis})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="847"/>
        <source>Hide what this counts (F1)</source>
        <translation>Ocultar qué cuenta (F1)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="879"/>
        <source>Nobody is counted here in this period.</source>
        <translation>En este período no se cuenta a nadie aquí.</translation>
    </message>
</context>
<context>
    <name>DisclosureReviewPanel</name>
    <message>
        <location filename="../person/relief.py" line="908"/>
        <source>Disclosure review</source>
        <translation>Revisión para la divulgación</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="911"/>
        <source>Statements, interview notes and benefits given to this person, in date order, each with the record it comes from. For the prosecution&apos;s review of what must be disclosed.</source>
        <translation>Declaraciones, notas de entrevistas y beneficios dados a esta persona, en orden de fecha, cada uno con el registro del que viene. Para que la fiscalía revise lo que debe divulgar.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="916"/>
        <source>Gather the review</source>
        <translation>Reunir la revisión</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="916"/>
        <source>Gather the disclosure review</source>
        <translation>Reunir la revisión para la divulgación</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="919"/>
        <source>Disclosure review entries</source>
        <translation>Entradas de la revisión para la divulgación</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="919"/>
        <source>Each statement, note or benefit, oldest first.</source>
        <translation>Cada declaración, nota o beneficio, el más antiguo primero.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="924"/>
        <source>Disclosure review summary</source>
        <translation>Resumen de la revisión para la divulgación</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="927"/>
        <source>Password for the PDF (optional)</source>
        <translation>Contraseña del PDF (opcional)</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="928"/>
        <source>Password for the PDF (optional, at least 8 characters)</source>
        <translation>Contraseña del PDF (opcional, por lo menos 8 caracteres)</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="929"/>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="929"/>
        <source>Save the disclosure review as a PDF</source>
        <translation>Guardar la revisión para la divulgación como PDF</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="966"/>
        <source>{entry} · deleted on {day}</source>
        <translation>{entry} · borrado el {day}</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="979"/>
        <source>Save the disclosure review</source>
        <translation>Guardar la revisión para la divulgación</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="980"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="998"/>
        <source>Saved as {name}.</source>
        <translation>Guardado como {name}.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="130"/>
        <location filename="../sync_dialogs.py" line="167"/>
        <source>Enroll this computer</source>
        <translation>Inscribir este equipo</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="131"/>
        <source>Enroll this computer with the office</source>
        <translation>Inscribir este equipo en la oficina</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="135"/>
        <source>Enroll this computer with your office</source>
        <translation>Inscribir este equipo en su oficina</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="139"/>
        <source>Your office admin gives you an enrollment sheet. Type or paste what it says below. Spaces and capital letters in the fingerprint do not matter. Nothing is sent until the office server proves it is the one on the sheet.</source>
        <translation>La persona que administra Offramp en su oficina le da una hoja de inscripción. Escriba o pegue abajo lo que dice. Los espacios y las mayúsculas de la huella digital no importan. No se envía nada hasta que el servidor de la oficina demuestre que es el de la hoja.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="152"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="153"/>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="153"/>
        <source>four groups of four</source>
        <translation>cuatro grupos de cuatro</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="155"/>
        <source>Fingerprint</source>
        <translation>Huella digital</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="155"/>
        <source>13 groups of four letters and digits</source>
        <translation>13 grupos de cuatro letras y cifras</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="157"/>
        <source>Your passphrase</source>
        <translation>Su frase de contraseña</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="160"/>
        <source>What happened</source>
        <translation>Lo que pasó</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="166"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="194"/>
        <source>Please type the server address from the sheet.</source>
        <translation>Escriba la dirección del servidor que figura en la hoja, por favor.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="195"/>
        <source>Please type the one-time code from the sheet.</source>
        <translation>Escriba el código de un solo uso que figura en la hoja, por favor.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="196"/>
        <source>Please type the fingerprint from the sheet.</source>
        <translation>Escriba la huella digital que figura en la hoja, por favor.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="197"/>
        <source>Please type your passphrase, the one you unlock Offramp with.</source>
        <translation>Escriba su frase de contraseña, la que usa para desbloquear Offramp, por favor.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="204"/>
        <source>Checking the office server…</source>
        <translation>Comprobando el servidor de la oficina…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="223"/>
        <source>This computer is enrolled with {office} as {user} ({team}).</source>
        <translation>Este equipo está inscrito en {office} como {user} ({team}).</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="230"/>
        <source>1 record already here will go to the office at your next sync.</source>
        <translation>1 registro que ya está aquí irá a la oficina en su próxima sincronización.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_dialogs.py" line="233"/>
        <source>{n} records already here will go to the office at your next sync.</source>
        <translation>
            <numerusform>{n} registro que ya está aquí irá a la oficina en su próxima sincronización.</numerusform>
            <numerusform>{n} registros que ya están aquí irán a la oficina en su próxima sincronización.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="240"/>
        <source>1 demo record stays on this computer: it is a fictional practice record and never goes to the office.</source>
        <translation>1 registro de demostración se queda en este equipo: es un registro ficticio de práctica y nunca va a la oficina.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_dialogs.py" line="247"/>
        <source>{n} demo records stay on this computer: they are fictional practice records and never go to the office.</source>
        <translation>
            <numerusform>{n} registro de demostración se queda en este equipo: es un registro ficticio de práctica y nunca va a la oficina.</numerusform>
            <numerusform>{n} registros de demostración se quedan en este equipo: son registros ficticios de práctica y nunca van a la oficina.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="253"/>
        <source>Nothing syncs by itself: press Sync now when you want to.</source>
        <translation>Nada se sincroniza por sí solo: pulse Sincronizar ahora cuando lo desee.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="256"/>
        <location filename="../sync_dialogs.py" line="257"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="266"/>
        <source>That passphrase is not the one this vault opens with. Nothing was sent.</source>
        <translation>Esa frase de contraseña no es la que abre esta bóveda. No se envió nada.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="271"/>
        <source>Something went wrong while enrolling, and nothing was changed. Please try again.</source>
        <translation>Algo salió mal durante la inscripción y no se cambió nada. Inténtelo de nuevo, por favor.</translation>
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
    <name>FollowUpsDialog</name>
    <message>
        <location filename="../followups.py" line="34"/>
        <source>Follow-ups due</source>
        <translation>Seguimientos pendientes</translation>
    </message>
    <message>
        <location filename="../followups.py" line="35"/>
        <source>Follow-ups summary</source>
        <translation>Resumen de seguimientos</translation>
    </message>
    <message>
        <location filename="../followups.py" line="36"/>
        <source>Referrals to follow up. Press Enter to open the person.</source>
        <translation>Derivaciones a las que dar seguimiento. Pulse Intro para abrir a la persona.</translation>
    </message>
    <message>
        <location filename="../followups.py" line="37"/>
        <source>Open the chosen person</source>
        <translation>Abrir a la persona elegida</translation>
    </message>
    <message>
        <location filename="../followups.py" line="38"/>
        <source>Close follow-ups</source>
        <translation>Cerrar los seguimientos</translation>
    </message>
    <message>
        <location filename="../followups.py" line="56"/>
        <source>Nothing to follow up today.</source>
        <translation>Hoy no hay nada a lo que dar seguimiento.</translation>
    </message>
</context>
<context>
    <name>HistorySection</name>
    <message>
        <location filename="../person/tables.py" line="244"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="244"/>
        <source>What was done</source>
        <translation>Qué se hizo</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="244"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="244"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="247"/>
        <source>Every change to this person&apos;s records, and each time they were opened, newest first. Only what was done is kept here, never what was written.</source>
        <translation>Cada cambio en los registros de esta persona, y cada vez que se abrieron, del más reciente al más antiguo. Aquí solo se guarda lo que se hizo, nunca lo que se escribió.</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="253"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="253"/>
        <source>The audit trail for this person, newest first.</source>
        <translation>El registro de actividad de esta persona, del más reciente al más antiguo.</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="273"/>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="273"/>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="273"/>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
</context>
<context>
    <name>JusticeEditor</name>
    <message>
        <location filename="../person/justice.py" line="73"/>
        <source>Role in the case</source>
        <translation>Papel en el caso</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="75"/>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="76"/>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="77"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="78"/>
        <source>Docket number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="79"/>
        <source>Arrest date</source>
        <translation>Fecha del arresto</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="80"/>
        <source>Arresting agency</source>
        <translation>Agencia que hizo el arresto</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="81"/>
        <source>Case status</source>
        <translation>Estado del caso</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="82"/>
        <source>Disposition</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="83"/>
        <source>Disposition date</source>
        <translation>Fecha de la resolución</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="829"/>
        <source>Justice contact form</source>
        <extracomment>Saved; carries the record id (new records get theirs here).</extracomment>
        <translation>Formulario del contacto con la justicia</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="833"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="833"/>
        <source>Copy the docket number</source>
        <translation>Copiar el número de expediente</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="835"/>
        <source>Copy the docket number; it is cleared from the clipboard after a short while</source>
        <translation>Copiar el número de expediente; se borra del portapapeles al poco tiempo</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="849"/>
        <location filename="../person/justice.py" line="1252"/>
        <source>Declined</source>
        <translation>No se presentaron cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="851"/>
        <source>Charges</source>
        <translation>Cargos</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="864"/>
        <source>Delete it</source>
        <extracomment>The matter&apos;s charging decisions (prosecution vaults only; hidden elsewhere and for a new matter).</extracomment>
        <translation>Borrarlo</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="864"/>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="870"/>
        <source>Justice contact status</source>
        <translation>Estado del contacto con la justicia</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="871"/>
        <source>Delete…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="871"/>
        <source>Delete this justice contact</source>
        <translation>Borrar este contacto con la justicia</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="873"/>
        <source>Undo changes</source>
        <translation>Deshacer los cambios</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="873"/>
        <source>Undo the changes to this justice contact</source>
        <translation>Deshacer los cambios de este contacto con la justicia</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="875"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="875"/>
        <location filename="../person/justice.py" line="885"/>
        <source>Save this justice contact</source>
        <translation>Guardar este contacto con la justicia</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="876"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="930"/>
        <location filename="../person/justice.py" line="1030"/>
        <source>Justice contact</source>
        <translation>Contacto con la justicia</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="930"/>
        <source>New justice contact</source>
        <translation>Contacto con la justicia nuevo</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1006"/>
        <source>Nothing has changed, so there is nothing to save.</source>
        <translation>No cambió nada, así que no hay nada que guardar.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1014"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1023"/>
        <location filename="../person/justice.py" line="1127"/>
        <source>Changes undone.</source>
        <translation>Cambios deshechos.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1031"/>
        <location filename="../person/justice.py" line="1127"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1042"/>
        <source>Please look at the field marked in red.</source>
        <translation>Revise el campo marcado en rojo, por favor.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1043"/>
        <source>Nothing was saved. {reason}</source>
        <translation>No se guardó nada. {reason}</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1059"/>
        <source>Delete this justice contact? It disappears from this person&apos;s record here, and from the office&apos;s copy at the next sync. The history keeps a line saying it was deleted.</source>
        <translation>¿Borrar este contacto con la justicia? Desaparece del registro de esta persona aquí, y de la copia de la oficina en la próxima sincronización. El historial guarda una línea que dice que se borró.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1068"/>
        <source>Deleting…</source>
        <translation>Borrando…</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1076"/>
        <location filename="../person/justice.py" line="1127"/>
        <source>Deleted.</source>
        <translation>Borrado.</translation>
    </message>
</context>
<context>
    <name>JusticeSection</name>
    <message>
        <location filename="../person/justice.py" line="1172"/>
        <source>Justice contacts</source>
        <translation>Contactos con la justicia</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1174"/>
        <source>Justice-system matters this person is part of. Choose one to edit it.</source>
        <translation>Asuntos del sistema de justicia en los que participa esta persona. Elija uno para editarlo.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1183"/>
        <source>No justice contacts recorded for this person.</source>
        <translation>No hay contactos con la justicia registrados para esta persona.</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1187"/>
        <source>Add a justice contact</source>
        <translation>Agregar un contacto con la justicia</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1190"/>
        <source>Discard changes</source>
        <translation>Descartar los cambios</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1190"/>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1340"/>
        <source>This justice contact has changes that are not saved. Discard them?</source>
        <translation>Este contacto con la justicia tiene cambios sin guardar. ¿Descartarlos?</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="1341"/>
        <source>The charging decision you started is not saved. Discard it?</source>
        <translation>La decisión sobre los cargos que empezó no está guardada. ¿Descartarla?</translation>
    </message>
</context>
<context>
    <name>LaterSection</name>
    <message>
        <location filename="../person/placeholders.py" line="14"/>
        <source>Interviews</source>
        <translation>Entrevistas</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="15"/>
        <source>This is where each conversation with the person will be kept: when and where it happened, who was in the room, whether an interpreter helped, and the before, during and after checklist — including the safety check and how the person wants to be contacted next. The dates of contacts already show in the Overview.</source>
        <translation>Aquí se guardará cada conversación con la persona: cuándo y dónde fue, quién estaba presente, si ayudó un intérprete, y la lista de antes, durante y después — incluida la revisión de seguridad y cómo quiere la persona que se le contacte la próxima vez. Las fechas de los contactos ya aparecen en el Resumen.</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="23"/>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="24"/>
        <source>Screenings will be kept here: the tool and its version, each answer as the person gave it (including “declined” and “not asked”), and your own assessment. A screening never decides anything about the person; it only helps you see whether to talk more or offer help. Screening dates and your assessment already show in the Overview.</source>
        <translation>Aquí se guardarán las evaluaciones: la herramienta y su versión, cada respuesta tal como la dio la persona (incluidas “prefirió no responder” y “sin preguntar”), y su propia valoración. Una evaluación nunca decide nada sobre la persona; solo le ayuda a ver si conviene hablar más u ofrecer ayuda. Las fechas de las evaluaciones y su valoración ya aparecen en el Resumen.</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="33"/>
        <source>Safety plan</source>
        <translation>Plan de seguridad</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="34"/>
        <source>The person&apos;s safety plan will live here: what feels unsafe, who and where they trust, and the choice they made about each part. The plan belongs to them. Their choices are kept as they made them, and “not ready to leave” is a complete plan. Its dates already show in the Overview.</source>
        <translation>Aquí estará el plan de seguridad de la persona: lo que le parece inseguro, en quién y en qué lugares confía, y lo que decidió sobre cada parte. El plan es suyo. Sus decisiones se guardan tal como las tomó, y “aún no es momento de irse” es un plan completo. Sus fechas ya aparecen en el Resumen.</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="42"/>
        <source>Referrals &amp; consent</source>
        <translation>Derivaciones y consentimiento</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="43"/>
        <source>Referrals offered and what the person decided, the follow-ups, and the releases they signed — who may receive what, for what purpose, and until when — will be kept here. Declining a referral is a choice, and signing a release is never a condition of help. Offers, follow-ups and consent dates already show in the Overview.</source>
        <translation>Aquí se guardarán las derivaciones ofrecidas y lo que decidió la persona, los seguimientos y las autorizaciones que firmó — quién puede recibir qué, para qué y hasta cuándo —. No aceptar una derivación es una decisión suya, y firmar una autorización nunca es una condición para recibir ayuda. Las ofertas, los seguimientos y las fechas de consentimiento ya aparecen en el Resumen.</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="52"/>
        <source>Record relief</source>
        <translation>Limpieza de antecedentes</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="53"/>
        <source>Work to clear the person&apos;s record will be tracked here: each arrest or conviction that may be vacated, expunged or sealed, the petitions and hearings, and the deadlines that must not be missed. Deadlines already show in the Overview.</source>
        <translation>Aquí se hará el seguimiento del trabajo para limpiar los antecedentes de la persona: cada arresto o condena que se pueda anular, borrar o sellar, las peticiones y audiencias, y los plazos que no se deben pasar. Los plazos ya aparecen en el Resumen.</translation>
    </message>
    <message>
        <location filename="../person/placeholders.py" line="77"/>
        <source>Coming in a later version of Offramp.</source>
        <translation>Llegará en una versión futura de Offramp.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="156"/>
        <source>Offramp</source>
        <extracomment>The interface&apos;s modules start loading this long after the event loop starts, once the unlock screen is painted. Quick exit has hidden the window and the vault is closed; the app connects this to quitting.</extracomment>
        <translation>Offramp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260"/>
        <source>&amp;Lock</source>
        <extracomment>Typing the lock could not save (a full disk): kept here, in memory only, until the next unlock.</extracomment>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="263"/>
        <source>Lock the vault; unlocking needs the passphrase again</source>
        <translation>Bloquear la bóveda; para desbloquearla hará falta de nuevo la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="267"/>
        <source>Quick e&amp;xit</source>
        <translation>Salida &amp;rápida</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="271"/>
        <source>Quick exit: hide Offramp at once and lock it (Ctrl+Shift+X, or press Escape twice)</source>
        <translation>Salida rápida: ocultar Offramp al instante y bloquearlo (Ctrl+Mayús+X, o pulse Escape dos veces)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="275"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="278"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="281"/>
        <source>&amp;About Offramp</source>
        <translation>&amp;Acerca de Offramp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="283"/>
        <source>&amp;Provider directory…</source>
        <translation>&amp;Directorio de proveedores…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285"/>
        <source>&amp;Follow-ups due…</source>
        <translation>Se&amp;guimientos pendientes…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287"/>
        <source>Outcome &amp;measures…</source>
        <translation>&amp;Medidas de resultados…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="289"/>
        <source>&amp;Templates…</source>
        <translation>&amp;Plantillas…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292"/>
        <source>&amp;Vault</source>
        <translation>&amp;Bóveda</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="304"/>
        <source>&amp;New person…</source>
        <translation>&amp;Persona nueva…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="306"/>
        <source>Add someone new, after checking they are not already here</source>
        <translation>Agregar a alguien nuevo, después de comprobar que no está ya aquí</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="310"/>
        <source>&amp;Person</source>
        <translation>P&amp;ersona</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="313"/>
        <source>Certification &amp;register…</source>
        <translation>&amp;Registro de certificaciones…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314"/>
        <source>Every U- and T-visa certification request still open</source>
        <translation>Todas las solicitudes de certificación para visas U y T aún abiertas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="319"/>
        <location filename="../main_window.py" line="714"/>
        <source>Shared by &amp;advocates…</source>
        <translation>Compartido por los &amp;defensores…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="320"/>
        <source>Facts advocates shared with your team, to link to your people</source>
        <translation>Datos que los defensores compartieron con su equipo, para vincularlos a sus personas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="325"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="332"/>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="334"/>
        <source>Safety tools</source>
        <translation>Herramientas de seguridad</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="341"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="343"/>
        <source>People tools</source>
        <translation>Herramientas de personas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="352"/>
        <source>New person</source>
        <translation>Persona nueva</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353"/>
        <source>Add a new person (Ctrl+N)</source>
        <translation>Agregar una persona nueva (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371"/>
        <source>Vault encrypted on this computer</source>
        <translation>Bóveda cifrada en este equipo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373"/>
        <source>No vault in this folder yet</source>
        <translation>Todavía no hay una bóveda en esta carpeta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="452"/>
        <source>The vault opened but could not be read. It has been locked again; please try once more.</source>
        <translation>La bóveda se abrió, pero no se pudo leer. Se volvió a bloquear; inténtelo una vez más.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="504"/>
        <source>Your unsaved typing is back where you left it.</source>
        <translation>Lo que estaba escribiendo sin guardar está de vuelta donde lo dejó.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="565"/>
        <source>The disk is full, so what you were typing could not be saved into the vault. Offramp keeps it until you unlock again and puts it back; free some space on this computer before closing Offramp.</source>
        <translation>El disco está lleno, así que lo que estaba escribiendo no se pudo guardar en la bóveda. Offramp lo conserva hasta que vuelva a desbloquear y lo devuelve a su sitio; libere espacio en este equipo antes de cerrar Offramp.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="570"/>
        <source>What you were typing could not be saved into the vault. Offramp keeps it until you unlock again and puts it back; please do not close Offramp before that.</source>
        <translation>Lo que estaba escribiendo no se pudo guardar en la bóveda. Offramp lo conserva hasta que vuelva a desbloquear y lo devuelve a su sitio; no cierre Offramp antes de eso.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="586"/>
        <source>Locked because no one was using Offramp for a while.</source>
        <translation>Se bloqueó porque nadie usó Offramp durante un rato.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="591"/>
        <source>Locked because the computer&apos;s screen locked.</source>
        <translation>Se bloqueó porque la pantalla del equipo se bloqueó.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="712"/>
        <source>Shared by &amp;advocates (%1)…</source>
        <translation>Compartido por los &amp;defensores (%1)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="719"/>
        <source>Shared by advocates, %1 waiting</source>
        <translation>Compartido por los defensores, %1 en espera</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="720"/>
        <source>Facts advocates shared with your team, %1 waiting</source>
        <translation>Datos que los defensores compartieron con su equipo, %1 en espera</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="722"/>
        <source>Shared by advocates, none waiting</source>
        <translation>Compartido por los defensores, ninguno en espera</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="723"/>
        <source>Facts advocates shared with your team, none waiting</source>
        <translation>Datos que los defensores compartieron con su equipo, ninguno en espera</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="772"/>
        <source>The share is linked: it shows under Shared by the advocate.</source>
        <translation>Lo compartido quedó vinculado: aparece en Compartido por el defensor.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="775"/>
        <source>The share could not be linked.</source>
        <translation>Lo compartido no se pudo vincular.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="625"/>
        <source>(nothing written)</source>
        <translation>(no hay nada escrito)</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="630"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="632"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="649"/>
        <location filename="../sync_dialogs.py" line="650"/>
        <source>Changes that need a decision</source>
        <translation>Cambios que necesitan una decisión</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="653"/>
        <source>Changes that need your decision</source>
        <translation>Cambios que necesitan su decisión</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="657"/>
        <source>Two people changed the same thing differently while apart. Every version is kept until you choose. Pick the one to keep, or write one that combines them.</source>
        <translation>Dos personas cambiaron lo mismo de forma distinta mientras trabajaban por separado. Se conservan todas las versiones hasta que usted elija. Elija la que quiere conservar o escriba una que las combine.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="663"/>
        <source>Changes to decide</source>
        <translation>Cambios por decidir</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="666"/>
        <source>What happened</source>
        <translation>Lo que pasó</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="669"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="670"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="670"/>
        <source>Send my decisions now</source>
        <translation>Enviar mis decisiones ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="671"/>
        <source>Send decisions now</source>
        <translation>Enviar las decisiones ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="673"/>
        <source>Keep my choice</source>
        <translation>Conservar mi elección</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="673"/>
        <source>Keep the chosen value</source>
        <translation>Conservar el valor elegido</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="690"/>
        <source>a record</source>
        <translation>un registro</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="695"/>
        <source>Nothing waits for a decision.</source>
        <translation>No hay nada que espere una decisión.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="695"/>
        <source>Nothing to decide</source>
        <translation>Nada que decidir</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="704"/>
        <source>A record</source>
        <translation>Un registro</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="705"/>
        <source>{who}: {what}</source>
        <translation>{who}: {what}</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="714"/>
        <source>This record was deleted on one computer while it was being changed on another. The change is kept at the office.</source>
        <translation>Este registro se eliminó en un equipo mientras se cambiaba en otro. El cambio se conserva en la oficina.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="720"/>
        <location filename="../sync_dialogs.py" line="721"/>
        <source>Keep it as the office has it now</source>
        <translation>Conservarlo como lo tiene ahora la oficina</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="731"/>
        <source>Someone decided this differently, or it was changed after a decision was made. Nothing was replaced: every version is here for you to choose again.</source>
        <translation>Alguien lo decidió de otra forma, o se cambió después de tomar una decisión. No se reemplazó nada: todas las versiones están aquí para que usted vuelva a elegir.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="735"/>
        <source>Decided differently</source>
        <translation>Decidido de otra forma</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="740"/>
        <source>It started as: {value}</source>
        <translation>Al principio era: {value}</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="742"/>
        <source>Started as</source>
        <translation>Al principio</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="749"/>
        <source>on this computer</source>
        <translation>en este equipo</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="749"/>
        <source>on another computer</source>
        <translation>en otro equipo</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="753"/>
        <source>Keep this version</source>
        <translation>Conservar esta versión</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="754"/>
        <source>Keep version {n}: {value}</source>
        <translation>Conservar la versión {n}: {value}</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="757"/>
        <source>Version {n}</source>
        <translation>Versión {n}</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="763"/>
        <source>{who}&apos;s decision</source>
        <translation>Decisión de {who}</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="764"/>
        <source>{who}, {where}, {when}</source>
        <translation>{who}, {where}, {when}</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="765"/>
        <source>Who and when</source>
        <translation>Quién y cuándo</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="767"/>
        <source>This is what your records show now.</source>
        <translation>Esto es lo que muestran ahora sus registros.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="771"/>
        <location filename="../sync_dialogs.py" line="772"/>
        <source>Write a combined version</source>
        <translation>Escribir una versión combinada</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="776"/>
        <source>Combined version</source>
        <translation>Versión combinada</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="782"/>
        <source>A proposed combination of both versions; change it as you need.</source>
        <translation>Una propuesta que combina ambas versiones; cámbiela como necesite.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="813"/>
        <source>Decided. Your choice is saved here and goes to the office with your next sync.</source>
        <translation>Decidido. Su elección se guarda aquí y va a la oficina con su próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="822"/>
        <source>That could not be saved, and nothing was changed. Please try again.</source>
        <translation>No se pudo guardar y no se cambió nada. Inténtelo de nuevo, por favor.</translation>
    </message>
</context>
<context>
    <name>MinorPrompt</name>
    <message>
        <location filename="../person/session_form.py" line="221"/>
        <source>I have read this — continue</source>
        <translation>Lo he leído — continuar</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="221"/>
        <source>I have read this, continue</source>
        <translation>Lo he leído, continuar</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="223"/>
        <source>Not now</source>
        <translation>Ahora no</translation>
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
        <location filename="../new_person.py" line="354"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>NotAcceptedDialog</name>
    <message>
        <location filename="../not_accepted.py" line="41"/>
        <location filename="../not_accepted.py" line="42"/>
        <location filename="../not_accepted.py" line="46"/>
        <source>Not accepted by the office</source>
        <translation>No aceptado por la oficina</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="46"/>
        <source>Heading</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="51"/>
        <source>The office could not take these, usually because something changed at the office while you were working offline. Nothing you wrote is lost: it is kept here, on this computer only, until you discard it.</source>
        <translation>La oficina no pudo aceptar esto, normalmente porque algo cambió en la oficina mientras usted trabajaba sin conexión. No se pierde nada de lo que escribió: se guarda aquí, solo en este equipo, hasta que lo descarte.</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="56"/>
        <source>About this list</source>
        <translation>Sobre esta lista</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="59"/>
        <source>Work not accepted by the office</source>
        <translation>Trabajo no aceptado por la oficina</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="62"/>
        <source>Discard it</source>
        <translation>Descartarlo</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="62"/>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="66"/>
        <source>What happened</source>
        <translation>Lo que pasó</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="69"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="70"/>
        <source>Discard…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="70"/>
        <source>Discard this item</source>
        <translation>Descartar este elemento</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="71"/>
        <source>Copy what I wrote</source>
        <translation>Copiar lo que escribí</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="98"/>
        <source>Nothing here: the office took everything you sent.</source>
        <translation>No hay nada aquí: la oficina aceptó todo lo que usted envió.</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="98"/>
        <source>Nothing here</source>
        <translation>No hay nada aquí</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="109"/>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="111"/>
        <source>Why: {why}</source>
        <translation>Por qué: {why}</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="111"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="115"/>
        <source>What you can do: {what}</source>
        <translation>Lo que puede hacer: {what}</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="117"/>
        <source>What you can do</source>
        <translation>Lo que puede hacer</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="121"/>
        <location filename="../not_accepted.py" line="124"/>
        <source>What you wrote</source>
        <translation>Lo que escribió</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="143"/>
        <source>Copied. Paste it where it belongs within a few seconds: Offramp clears the clipboard soon after.</source>
        <translation>Copiado. Péguelo donde corresponde en unos segundos: Offramp borra el portapapeles poco después.</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="152"/>
        <source>Discard “{title}” from this computer? What you wrote cannot be brought back here afterwards. Copy it first if you may still need it.</source>
        <translation>¿Descartar «{title}» de este equipo? Después no se podrá recuperar aquí lo que escribió. Cópielo antes si es posible que aún lo necesite.</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="173"/>
        <source>Discarded.</source>
        <translation>Descartado.</translation>
    </message>
    <message>
        <location filename="../not_accepted.py" line="183"/>
        <source>That did not work, and nothing was changed. Please try again.</source>
        <translation>No funcionó y no se cambió nada. Inténtelo de nuevo, por favor.</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <location filename="../person/notes.py" line="183"/>
        <source>Written by and when</source>
        <extracomment>How the notes Offramp writes by itself begin (app.core.relief writes one at each status change of a case).</extracomment>
        <translation>Quién lo escribió y cuándo</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="188"/>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="189"/>
        <source>Offramp (automatic)</source>
        <translation>Offramp (automático)</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="191"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="194"/>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="199"/>
        <source>Written automatically by Offramp when you recorded the status, on {when}. It is read-only; add a new note to say more.</source>
        <translation>Offramp la escribió automáticamente cuando usted registró el estado, el {when}. Es de solo lectura; agregue una nota nueva para decir más.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="202"/>
        <source>Written automatically by Offramp when the status was recorded (by {who}), on {when}. It is read-only; add a new note to say more.</source>
        <translation>Offramp la escribió automáticamente cuando se registró el estado (lo hizo {who}), el {when}. Es de solo lectura; agregue una nota nueva para decir más.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="204"/>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="208"/>
        <source>Signed by you on {when}. A signed note is read-only; add a new note to say more.</source>
        <translation>Firmada por usted el {when}. Una nota firmada es de solo lectura; agregue una nota nueva para decir más.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="210"/>
        <source>Signed by {who} on {when}. A signed note is read-only; add a new note to say more.</source>
        <translation>Firmada por {who} el {when}. Una nota firmada es de solo lectura; agregue una nota nueva para decir más.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="211"/>
        <source>its author</source>
        <translation>quien la escribió</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="216"/>
        <location filename="../person/notes.py" line="224"/>
        <source>Change this note</source>
        <translation>Cambiar esta nota</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="221"/>
        <source>Sign it</source>
        <translation>Firmarla</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="221"/>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="224"/>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="225"/>
        <source>Sign…</source>
        <translation>Firmar…</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="225"/>
        <source>Sign this note</source>
        <translation>Firmar esta nota</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="226"/>
        <source>Save changes</source>
        <translation>Guardar los cambios</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="226"/>
        <source>Save the changes to this note</source>
        <translation>Guardar los cambios de esta nota</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="227"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="227"/>
        <source>Cancel changing this note</source>
        <translation>Dejar de cambiar esta nota</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="232"/>
        <source>Note status</source>
        <translation>Estado de la nota</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="272"/>
        <source>Not signed yet: you can still change it.</source>
        <translation>Todavía sin firmar: aún puede cambiarla.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="296"/>
        <source>A note cannot be left empty. Cancel to keep it as it was.</source>
        <translation>Una nota no puede quedar vacía. Cancele para dejarla como estaba.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="304"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="310"/>
        <source>Sign this note? Once signed, nobody can change it, not even you.</source>
        <translation>¿Firmar esta nota? Una vez firmada, nadie puede cambiarla, ni siquiera usted.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="316"/>
        <source>Signing…</source>
        <translation>Firmando…</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="330"/>
        <source>Nothing was changed. {reason}</source>
        <translation>No se cambió nada. {reason}</translation>
    </message>
</context>
<context>
    <name>NoteComposer</name>
    <message>
        <location filename="../person/notes.py" line="63"/>
        <location filename="../person/notes.py" line="70"/>
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="65"/>
        <source>Write a new entry. It is added with your name and the time. Press Control and Enter to add it.</source>
        <translation>Escriba una entrada nueva. Se agrega con su nombre y la hora. Pulse Control e Intro para agregarla.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="67"/>
        <source>Write a new note. It is added with your name and the time.</source>
        <translation>Escriba una nota nueva. Se agrega con su nombre y la hora.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="73"/>
        <source>New note status</source>
        <translation>Estado de la nota nueva</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="74"/>
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="74"/>
        <location filename="../person/notes.py" line="79"/>
        <source>Add the note</source>
        <translation>Agregar la nota</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="75"/>
        <source>Add the note (Ctrl+Enter)</source>
        <translation>Agregar la nota (Ctrl+Intro)</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="130"/>
        <source>Write something first: an empty note cannot be added.</source>
        <translation>Escriba algo primero: no se puede agregar una nota vacía.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="134"/>
        <source>Adding…</source>
        <translation>Agregando…</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="143"/>
        <location filename="../person/notes.py" line="157"/>
        <source>Note added.</source>
        <translation>Nota agregada.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="150"/>
        <source>The note was not added. {reason}</source>
        <translation>La nota no se agregó. {reason}</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <location filename="../person/notes.py" line="366"/>
        <source>Notes, newest first</source>
        <translation>Notas, la más reciente primero</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="370"/>
        <source>No notes yet. Anything you add appears here with your name and the time.</source>
        <translation>Todavía no hay notas. Lo que agregue aparece aquí con su nombre y la hora.</translation>
    </message>
    <message>
        <location filename="../person/notes.py" line="377"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <location filename="../person/tables.py" line="145"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="145"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="145"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="147"/>
        <source>Overview summary</source>
        <translation>Resumen de fechas</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="150"/>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="152"/>
        <source>Dated events from this person&apos;s records. What is coming up is at the top, in bold, soonest first; then what has happened, newest first.</source>
        <translation>Hechos con fecha de los registros de esta persona. Lo que viene está arriba, en negrita, lo más próximo primero; después, lo que ya pasó, lo más reciente primero.</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="185"/>
        <source>{date} (due today)</source>
        <translation>{date} (vence hoy)</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="187"/>
        <source>{date} (coming up)</source>
        <translation>{date} (próximamente)</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="196"/>
        <source>Nothing dated in this person&apos;s records yet.</source>
        <translation>Todavía no hay nada con fecha en los registros de esta persona.</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="200"/>
        <source>What has happened, newest first. Nothing is coming up.</source>
        <translation>Lo que ya pasó, lo más reciente primero. No hay nada próximo.</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="207"/>
        <source>1 date is coming up, and it is overdue (in bold at the top). Below it, what has happened, newest first.</source>
        <translation>Hay 1 fecha próxima, y ya está vencida (en negrita, arriba). Debajo, lo que ya pasó, lo más reciente primero.</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="211"/>
        <source>1 date is coming up (in bold at the top). Below it, what has happened, newest first.</source>
        <translation>Hay 1 fecha próxima (en negrita, arriba). Debajo, lo que ya pasó, lo más reciente primero.</translation>
    </message>
</context>
<context>
    <name>PdfBar</name>
    <message>
        <location filename="../person/session_form.py" line="614"/>
        <source>The PDF leaves the encrypted vault. Without a password, anyone who can open the file can read it: set one unless the file goes straight into a protected case file.</source>
        <translation>El PDF sale de la bóveda cifrada. Sin contraseña, cualquiera que pueda abrir el archivo puede leerlo: ponga una, salvo que el archivo vaya directamente a un expediente protegido.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="621"/>
        <source>PDF password (optional)</source>
        <translation>Contraseña del PDF (opcional)</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="622"/>
        <source>Password (optional, at least 8 characters)</source>
        <translation>Contraseña (opcional, al menos 8 caracteres)</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="625"/>
        <source>Repeat the PDF password</source>
        <translation>Repita la contraseña del PDF</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="626"/>
        <source>Repeat the password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="628"/>
        <source>Choose where to save…</source>
        <translation>Elegir dónde guardar…</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="628"/>
        <source>Choose where to save the PDF</source>
        <translation>Elegir dónde guardar el PDF</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="629"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="629"/>
        <source>Cancel saving a PDF</source>
        <translation>Cancelar el guardado del PDF</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="657"/>
        <source>The two passwords are not the same. Please type them again.</source>
        <translation>Las dos contraseñas no coinciden. Escríbalas de nuevo.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="660"/>
        <source>Please use a password of at least 8 characters, or leave both empty.</source>
        <translation>Use una contraseña de al menos 8 caracteres, o deje las dos en blanco.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="672"/>
        <source>Save a PDF for the file</source>
        <translation>Guardar un PDF para el expediente</translation>
    </message>
</context>
<context>
    <name>PersonDetailsForm</name>
    <message>
        <location filename="../person/details.py" line="40"/>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="41"/>
        <source>The name they want to be called</source>
        <translation>El nombre con el que quiere que se le llame</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="45"/>
        <source>Legal name</source>
        <translation>Nombre legal</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="46"/>
        <source>Only if it is needed, for example for court forms</source>
        <translation>Solo si hace falta, por ejemplo para formularios del tribunal</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="50"/>
        <source>Other names</source>
        <translation>Otros nombres</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="51"/>
        <source>Names they have used, separated by commas</source>
        <translation>Nombres que ha usado, separados por comas</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="55"/>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="56"/>
        <source>For example she/her, he/him, they/them</source>
        <translation>Por ejemplo ella, él, elle</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="60"/>
        <source>How they want to be referred to</source>
        <translation>Cómo quiere que se le nombre</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="61"/>
        <source>Mirror the person&apos;s own word: person, survivor or victim</source>
        <translation>Use la misma palabra que usa la persona para sí misma</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="65"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="66"/>
        <source>For example Spanish, English</source>
        <translation>Por ejemplo español, inglés</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="70"/>
        <source>Interpreter needed</source>
        <translation>Necesita intérprete</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="74"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="78"/>
        <source>Age group</source>
        <translation>Grupo de edad</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="84"/>
        <source>Safe to call</source>
        <translation>Se puede llamar sin riesgo</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="88"/>
        <source>Safe to text</source>
        <translation>Se pueden enviar mensajes sin riesgo</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="92"/>
        <source>Safe to leave a voicemail</source>
        <translation>Se puede dejar un mensaje de voz sin riesgo</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="96"/>
        <source>Safe to send mail</source>
        <translation>Se puede enviar correo postal sin riesgo</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="100"/>
        <source>Safe times to make contact</source>
        <translation>Horarios seguros para contactar</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="101"/>
        <source>For example weekdays after 6 pm</source>
        <translation>Por ejemplo entre semana después de las 6 de la tarde</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="105"/>
        <source>Contact notes</source>
        <translation>Notas sobre el contacto</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="106"/>
        <source>Anything else about reaching them safely, for example who else may see the phone</source>
        <translation>Cualquier otra cosa para contactarle de forma segura, por ejemplo quién más puede ver el teléfono</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="165"/>
        <source>Person details</source>
        <extracomment>Below this width the two groups stack instead of standing side by side. The person&apos;s record was saved (the workspace reads it again).</extracomment>
        <translation>Datos de la persona</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="169"/>
        <source>Fictional demo record: it is left out of every report.</source>
        <translation>Registro ficticio de demostración: no se incluye en ningún informe.</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="178"/>
        <source>Names and language</source>
        <translation>Nombres e idioma</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="187"/>
        <source>Reaching them safely</source>
        <translation>Cómo contactarle de forma segura</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="189"/>
        <source>“{not_asked}” is not “no”: ask before using a way nobody has checked.</source>
        <translation>“{not_asked}” no es “no”: pregunte antes de usar una vía que nadie ha confirmado.</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="208"/>
        <source>Details status</source>
        <translation>Estado de los datos</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="209"/>
        <source>Save changes</source>
        <translation>Guardar los cambios</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="209"/>
        <location filename="../person/details.py" line="222"/>
        <source>Save the person&apos;s details</source>
        <translation>Guardar los datos de la persona</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="210"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="212"/>
        <source>Undo changes</source>
        <translation>Deshacer los cambios</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="212"/>
        <source>Undo the changes to the person&apos;s details</source>
        <translation>Deshacer los cambios en los datos de la persona</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="214"/>
        <source>Put back what was last saved</source>
        <translation>Volver a lo último que se guardó</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="290"/>
        <source>Nothing has changed, so there is nothing to save.</source>
        <translation>No ha cambiado nada, así que no hay nada que guardar.</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="294"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="307"/>
        <location filename="../person/details.py" line="331"/>
        <source>Changes undone.</source>
        <translation>Cambios deshechos.</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="314"/>
        <location filename="../person/details.py" line="331"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="322"/>
        <source>Nothing was saved. Please look at the field marked in red.</source>
        <translation>No se guardó nada. Revise el campo marcado en rojo.</translation>
    </message>
    <message>
        <location filename="../person/details.py" line="324"/>
        <source>Nothing was saved. {reason}</source>
        <translation>No se guardó nada. {reason}</translation>
    </message>
</context>
<context>
    <name>PersonHeaderView</name>
    <message>
        <location filename="../person/header.py" line="47"/>
        <source>← Back to caseload</source>
        <translation>← Volver a sus casos</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="47"/>
        <source>Back to caseload</source>
        <translation>Volver a sus casos</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="48"/>
        <source>Back to the caseload (Escape or Alt+Left)</source>
        <translation>Volver a sus casos (Escape o Alt+Izquierda)</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="50"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="53"/>
        <source>Confidentiality</source>
        <translation>Confidencialidad</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="58"/>
        <location filename="../person/header.py" line="143"/>
        <source>Demo record</source>
        <translation>Registro de demostración</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="62"/>
        <source>Fictional demo data: left out of every report</source>
        <translation>Datos ficticios de demostración: no se incluyen en ningún informe</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="65"/>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="73"/>
        <source>Pronouns, languages and age group</source>
        <translation>Pronombres, idiomas y grupo de edad</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="79"/>
        <source>How to reach them safely</source>
        <translation>Cómo contactarle de forma segura</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="84"/>
        <source>Contact notes</source>
        <translation>Notas sobre el contacto</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="114"/>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="125"/>
        <source>{languages} (interpreter needed)</source>
        <translation>{languages} (necesita intérprete)</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="127"/>
        <source>Interpreter needed</source>
        <translation>Necesita intérprete</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="129"/>
        <source>Prefers the word “{word}”</source>
        <translation>Prefiere la palabra “{word}”</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="136"/>
        <source>Contact notes: {notes}</source>
        <translation>Notas sobre el contacto: {notes}</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="150"/>
        <source>privileged</source>
        <translation>confidencial</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="162"/>
        <source>How to reach them safely:&amp;nbsp; {rules}</source>
        <translation>Cómo contactarle de forma segura:&amp;nbsp; {rules}</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="166"/>
        <source>Kept under a community advocate&apos;s confidentiality.</source>
        <translation>Protegido por la confidencialidad de un defensor comunitario.</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="168"/>
        <source>Part of the prosecution&apos;s file: not confidential from the prosecution team.</source>
        <translation>Forma parte del expediente de la fiscalía: no es confidencial para el equipo de la fiscalía.</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="169"/>
        <source>Privileged: it never reaches the prosecution.</source>
        <translation>Privilegiado: nunca llega a la fiscalía.</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="171"/>
        <source>Only you can see it.</source>
        <translation>Solo usted puede verlo.</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="172"/>
        <source>Your team can see it.</source>
        <translation>Su equipo puede verlo.</translation>
    </message>
    <message>
        <location filename="../person/header.py" line="173"/>
        <source>Shared with the prosecution under a consent.</source>
        <translation>Compartido con la fiscalía con un consentimiento.</translation>
    </message>
</context>
<context>
    <name>PersonListDialog</name>
    <message>
        <location filename="../person_list.py" line="71"/>
        <source>Reading…</source>
        <extracomment>The window&apos;s title, its heading and the optional sentence under it. The accessible names and descriptions of the summary line, the list and the two buttons.</extracomment>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <location filename="../person_list.py" line="83"/>
        <source>Open the person</source>
        <translation>Abrir a la persona</translation>
    </message>
    <message>
        <location filename="../person_list.py" line="85"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>PersonWorkspace</name>
    <message>
        <location filename="../person/workspace.py" line="56"/>
        <source>Overview</source>
        <extracomment>(key, title) in the order of the side list; Ctrl+1 … Ctrl+9 and Ctrl+0 reach them.</extracomment>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="57"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="58"/>
        <source>Interviews</source>
        <translation>Entrevistas</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="59"/>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="60"/>
        <source>Safety plan</source>
        <translation>Plan de seguridad</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="61"/>
        <source>Referrals &amp; consent</source>
        <translation>Derivaciones y consentimiento</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="62"/>
        <source>Record relief</source>
        <translation>Limpieza de antecedentes</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="63"/>
        <source>Justice contacts</source>
        <translation>Contactos con la justicia</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="64"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="65"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="71"/>
        <source>From the advocate</source>
        <extracomment>Sections shown only to some regimes, after the others and without a number shortcut: the disclosure review is the prosecution&apos;s (statements, notes and benefits the defence must be told about).</extracomment>
        <translation>Del defensor</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="72"/>
        <source>Disclosure review</source>
        <translation>Revisión de divulgación</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="73"/>
        <source>Certifications</source>
        <translation>Certificaciones</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="108"/>
        <source>Leave without saving</source>
        <extracomment>Escape, Alt+Left or the Back button: the person wants the caseload again. The person&apos;s data has arrived and every form holds its draft slot (restore drafts now).</extracomment>
        <translation>Salir sin guardar</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="108"/>
        <source>Stay here</source>
        <translation>Quedarse aquí</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="115"/>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="117"/>
        <source>Choose a section with the arrow keys, or press Control and its number.</source>
        <translation>Elija una sección con las flechas, o pulse Control y su número.</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="125"/>
        <source>{section} ({shortcut})</source>
        <translation>{section} ({shortcut})</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="183"/>
        <source>Section</source>
        <extracomment>Sections that read their own records when the person arrives (key -&gt; section).</extracomment>
        <translation>Sección</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="197"/>
        <source>Back to caseload</source>
        <translation>Volver a sus casos</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="310"/>
        <source>Consider a screening</source>
        <translation>Considere una evaluación</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="321"/>
        <source>Some typing is not saved yet ({sections}). Leave it and go back to the caseload?</source>
        <translation>Hay texto escrito que todavía no se ha guardado ({sections}). ¿Dejarlo y volver a sus casos?</translation>
    </message>
    <message>
        <location filename="../person/workspace.py" line="398"/>
        <source>This person&apos;s record could not be read. Please go back and try again.</source>
        <translation>No se pudo leer el registro de esta persona. Vuelva atrás e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../person/safety.py" line="141"/>
        <source>Does the person want to plan</source>
        <translation>Si la persona quiere hacer un plan</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="144"/>
        <location filename="../person/safety.py" line="161"/>
        <source>Do you feel in danger?</source>
        <translation>¿Se siente en peligro?</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="147"/>
        <location filename="../person/safety.py" line="162"/>
        <source>Leaving</source>
        <translation>Irse</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="148"/>
        <source>“Not ready to leave” is a complete plan.</source>
        <translation>“Aún no es momento de irse” es un plan completo.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="150"/>
        <location filename="../person/safety.py" line="163"/>
        <source>Offered on</source>
        <translation>Ofrecido el</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="152"/>
        <location filename="../person/safety.py" line="164"/>
        <source>Review due</source>
        <translation>Revisión pendiente</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="154"/>
        <source>Save the plan</source>
        <translation>Guardar el plan</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="160"/>
        <source>The person wants to plan</source>
        <translation>La persona quiere hacer un plan</translation>
    </message>
</context>
<context>
    <name>ProviderDirectoryDialog</name>
    <message>
        <location filename="../providers.py" line="43"/>
        <source>Name (required)</source>
        <extracomment>Each field&apos;s name, label and hint, in English: shown through the catalogue under the dialog&apos;s context.</extracomment>
        <translation>Nombre (obligatorio)</translation>
    </message>
    <message>
        <location filename="../providers.py" line="46"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../providers.py" line="47"/>
        <source>Separate with commas</source>
        <translation>Sepárelos con comas</translation>
    </message>
    <message>
        <location filename="../providers.py" line="51"/>
        <source>Who they serve</source>
        <translation>A quién atienden</translation>
    </message>
    <message>
        <location filename="../providers.py" line="52"/>
        <source>For example: adults of any gender</source>
        <translation>Por ejemplo: personas adultas de cualquier género</translation>
    </message>
    <message>
        <location filename="../providers.py" line="54"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../providers.py" line="55"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../providers.py" line="56"/>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location filename="../providers.py" line="59"/>
        <source>Public office address</source>
        <translation>Dirección pública de la oficina</translation>
    </message>
    <message>
        <location filename="../providers.py" line="60"/>
        <source>Never a shelter&apos;s address</source>
        <translation>Nunca la dirección de un refugio</translation>
    </message>
    <message>
        <location filename="../providers.py" line="68"/>
        <location filename="../providers.py" line="75"/>
        <source>Provider directory</source>
        <translation>Directorio de proveedores</translation>
    </message>
    <message>
        <location filename="../providers.py" line="77"/>
        <source>Search providers</source>
        <translation>Buscar proveedores</translation>
    </message>
    <message>
        <location filename="../providers.py" line="78"/>
        <source>Search by name, who they serve, language or kind of help</source>
        <translation>Buscar por nombre, a quién atienden, idioma o tipo de ayuda</translation>
    </message>
    <message>
        <location filename="../providers.py" line="81"/>
        <source>Providers</source>
        <translation>Proveedores</translation>
    </message>
    <message>
        <location filename="../providers.py" line="90"/>
        <source>Add a provider</source>
        <translation>Agregar un proveedor</translation>
    </message>
    <message>
        <location filename="../providers.py" line="91"/>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <location filename="../providers.py" line="91"/>
        <source>Import providers from a CSV file</source>
        <translation>Importar proveedores desde un archivo CSV</translation>
    </message>
    <message>
        <location filename="../providers.py" line="92"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../providers.py" line="92"/>
        <source>Export providers to a CSV file</source>
        <translation>Exportar los proveedores a un archivo CSV</translation>
    </message>
    <message>
        <location filename="../providers.py" line="115"/>
        <source>Kinds of help (space ticks one)</source>
        <translation>Tipos de ayuda (la barra espaciadora marca uno)</translation>
    </message>
    <message>
        <location filename="../providers.py" line="117"/>
        <source>Tick each kind of help this provider offers with the space bar.</source>
        <translation>Marque con la barra espaciadora cada tipo de ayuda que ofrece este proveedor.</translation>
    </message>
    <message>
        <location filename="../providers.py" line="127"/>
        <source>Kinds of help (required)</source>
        <translation>Tipos de ayuda (obligatorio)</translation>
    </message>
    <message>
        <location filename="../providers.py" line="132"/>
        <location filename="../providers.py" line="134"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../providers.py" line="138"/>
        <source>Save the provider</source>
        <translation>Guardar el proveedor</translation>
    </message>
    <message>
        <location filename="../providers.py" line="141"/>
        <location filename="../providers.py" line="221"/>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <location filename="../providers.py" line="143"/>
        <source>Directory status</source>
        <translation>Estado del directorio</translation>
    </message>
    <message>
        <location filename="../providers.py" line="145"/>
        <source>Rows to fix before importing</source>
        <translation>Filas que corregir antes de importar</translation>
    </message>
    <message>
        <location filename="../providers.py" line="148"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../providers.py" line="148"/>
        <source>Close the provider directory</source>
        <translation>Cerrar el directorio de proveedores</translation>
    </message>
    <message>
        <location filename="../providers.py" line="177"/>
        <source>Provider details</source>
        <translation>Datos del proveedor</translation>
    </message>
    <message>
        <location filename="../providers.py" line="223"/>
        <source>1 provider in the directory.</source>
        <translation>1 proveedor en el directorio.</translation>
    </message>
    <message numerus="yes">
        <location filename="../providers.py" line="225"/>
        <source>%n providers in the directory.</source>
        <translation>
            <numerusform>%n proveedor en el directorio.</numerusform>
            <numerusform>%n proveedores en el directorio.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../providers.py" line="265"/>
        <source>New provider</source>
        <translation>Proveedor nuevo</translation>
    </message>
    <message>
        <location filename="../providers.py" line="306"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../providers.py" line="322"/>
        <source>Import providers</source>
        <translation>Importar proveedores</translation>
    </message>
    <message>
        <location filename="../providers.py" line="322"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../providers.py" line="327"/>
        <source>Checking every row…</source>
        <translation>Comprobando cada fila…</translation>
    </message>
    <message>
        <location filename="../providers.py" line="333"/>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>Importación hecha: {added} agregados, {updated} actualizados, {unchanged} sin cambios.</translation>
    </message>
    <message>
        <location filename="../providers.py" line="353"/>
        <source>Export providers</source>
        <translation>Exportar proveedores</translation>
    </message>
    <message>
        <location filename="../providers.py" line="353"/>
        <source>providers.csv</source>
        <translation>proveedores.csv</translation>
    </message>
    <message>
        <location filename="../providers.py" line="353"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../providers.py" line="362"/>
        <source>Exported 1 provider to {file}.</source>
        <translation>Se exportó 1 proveedor a {file}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../providers.py" line="364"/>
        <source>Exported %n providers to {file}.</source>
        <translation>
            <numerusform>Se exportó %n proveedor a {file}.</numerusform>
            <numerusform>Se exportaron %n proveedores a {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <location filename="../person/session_form.py" line="477"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="481"/>
        <source>&amp;Note (optional)</source>
        <translation>&amp;Nota (opcional)</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="483"/>
        <source>Note on this question</source>
        <translation>Nota sobre esta pregunta</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="485"/>
        <source>Anything worth keeping, in the person&apos;s words where you can.</source>
        <translation>Lo que valga la pena guardar, con las palabras de la persona cuando sea posible.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="541"/>
        <source>Press {key} to choose this answer.</source>
        <translation>Pulse {key} para elegir esta respuesta.</translation>
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
    <name>ReceivedSection</name>
    <message>
        <location filename="../person/received.py" line="32"/>
        <source>Facts the person agreed, in writing, that their advocate could share with your team. They are the advocate&apos;s record, shown as shared and read-only. Each leaves this computer when the person&apos;s release ends or they withdraw it.</source>
        <translation>Datos que la persona aceptó por escrito que su defensor compartiera con su equipo. Son el registro del defensor, que se muestra tal como se compartió y solo para leer. Cada uno sale de este equipo cuando termina la autorización de la persona o cuando ella la retira.</translation>
    </message>
    <message>
        <location filename="../person/received.py" line="38"/>
        <source>Nothing shared by an advocate is linked to this person. Shares that wait to be linked are under Person &gt; Shared by advocates.</source>
        <translation>No hay nada compartido por un defensor vinculado a esta persona. Los envíos que esperan vincularse están en Persona &gt; Compartido por los defensores.</translation>
    </message>
    <message>
        <location filename="../person/received.py" line="91"/>
        <source>Shared by the advocate</source>
        <translation>Compartido por el defensor</translation>
    </message>
    <message>
        <location filename="../person/received.py" line="94"/>
        <source>Shared by the advocate summary</source>
        <translation>Resumen de lo compartido por el defensor</translation>
    </message>
    <message>
        <location filename="../person/received.py" line="96"/>
        <source>Shares from the advocate</source>
        <translation>Envíos del defensor</translation>
    </message>
    <message>
        <location filename="../person/received.py" line="98"/>
        <source>Each share with its release and its facts, read-only; then any share that was withdrawn.</source>
        <translation>Cada envío con su autorización y sus datos, solo para leer; después, los envíos que se retiraron.</translation>
    </message>
</context>
<context>
    <name>ReceivedSharesDialog</name>
    <message>
        <location filename="../received.py" line="78"/>
        <location filename="../received.py" line="79"/>
        <location filename="../received.py" line="88"/>
        <source>Shared by advocates</source>
        <translation>Compartido por defensores</translation>
    </message>
    <message>
        <location filename="../received.py" line="91"/>
        <source>Facts an advocate shared with your team, with the person&apos;s written consent. Say which of your people each one is about, and it shows on their page. A share leaves this computer when the person&apos;s release ends or they withdraw it.</source>
        <translation>Datos que un defensor compartió con su equipo, con el consentimiento escrito de la persona. Indique de quién trata cada uno y se verá en su página. Sale de este equipo cuando la autorización de la persona termina o se retira.</translation>
    </message>
    <message>
        <location filename="../received.py" line="97"/>
        <source>About shares from advocates</source>
        <translation>Sobre lo compartido por defensores</translation>
    </message>
    <message>
        <location filename="../received.py" line="98"/>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <location filename="../received.py" line="99"/>
        <source>Shares summary</source>
        <translation>Resumen de lo compartido</translation>
    </message>
    <message>
        <location filename="../received.py" line="102"/>
        <source>The release it was shared under</source>
        <translation>La autorización con la que se compartió</translation>
    </message>
    <message>
        <location filename="../received.py" line="106"/>
        <source>What was shared</source>
        <translation>Lo que se compartió</translation>
    </message>
    <message>
        <location filename="../received.py" line="108"/>
        <source>The facts exactly as the advocate shared them. They cannot be changed.</source>
        <translation>Los datos tal como los compartió el defensor. No se pueden cambiar.</translation>
    </message>
    <message>
        <location filename="../received.py" line="112"/>
        <source>This is about…</source>
        <translation>Esto trata de…</translation>
    </message>
    <message>
        <location filename="../received.py" line="118"/>
        <source>Find the person</source>
        <translation>Buscar a la persona</translation>
    </message>
    <message>
        <location filename="../received.py" line="119"/>
        <source>Type a name or another name they use</source>
        <translation>Escriba un nombre u otro nombre que use</translation>
    </message>
    <message>
        <location filename="../received.py" line="121"/>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <location filename="../received.py" line="124"/>
        <source>Shares waiting</source>
        <translation>Lo compartido en espera</translation>
    </message>
    <message>
        <location filename="../received.py" line="125"/>
        <source>Shares not yet linked to one of your people, newest first.</source>
        <translation>Lo compartido que todavía no está vinculado a una de sus personas, lo más reciente primero.</translation>
    </message>
    <message>
        <location filename="../received.py" line="135"/>
        <source>People found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message>
        <location filename="../received.py" line="136"/>
        <source>Your people whose names match. Press Enter to link the share.</source>
        <translation>Sus personas cuyo nombre coincide. Pulse Intro para vincular lo compartido.</translation>
    </message>
    <message>
        <location filename="../received.py" line="141"/>
        <source>No one found</source>
        <translation>No se encontró a nadie</translation>
    </message>
    <message>
        <location filename="../received.py" line="143"/>
        <source>This is about this person</source>
        <translation>Trata de esta persona</translation>
    </message>
    <message>
        <location filename="../received.py" line="145"/>
        <source>Add a new person…</source>
        <translation>Agregar una persona nueva…</translation>
    </message>
    <message>
        <location filename="../received.py" line="145"/>
        <source>Add a new person</source>
        <translation>Agregar una persona nueva</translation>
    </message>
    <message>
        <location filename="../received.py" line="146"/>
        <source>Opens the New person form with the shared name filled in</source>
        <translation>Abre el formulario Persona nueva con el nombre compartido ya escrito</translation>
    </message>
    <message>
        <location filename="../received.py" line="151"/>
        <source>What happened</source>
        <translation>Lo que pasó</translation>
    </message>
    <message>
        <location filename="../received.py" line="152"/>
        <source>Open their page</source>
        <translation>Abrir su página</translation>
    </message>
    <message>
        <location filename="../received.py" line="155"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../received.py" line="212"/>
        <source>No shares wait to be linked. New ones arrive with Sync now.</source>
        <translation>No hay nada compartido esperando a vincularse. Lo nuevo llega con Sincronizar ahora.</translation>
    </message>
    <message>
        <location filename="../received.py" line="232"/>
        <source>{release}. Shared on {day} with {team}; it covers {kinds}.</source>
        <translation>{release}. Compartido el {day} con {team}; abarca: {kinds}.</translation>
    </message>
    <message>
        <location filename="../received.py" line="269"/>
        <source>No one here is called {name}. If the share is about someone new, press Add a new person.</source>
        <translation>Aquí nadie se llama {name}. Si lo compartido trata de alguien nuevo, pulse Agregar una persona nueva.</translation>
    </message>
    <message>
        <location filename="../received.py" line="305"/>
        <source>Linked to {name}. It shows on their page, under Shared by the advocate.</source>
        <translation>Vinculado a {name}. Se ve en su página, en Compartido por el defensor.</translation>
    </message>
</context>
<context>
    <name>RecordFormPage</name>
    <message>
        <location filename="../person/record_form.py" line="96"/>
        <source>Form status</source>
        <extracomment>What Save turns the typed values into: the work to run on the workspace.</extracomment>
        <translation>Estado del formulario</translation>
    </message>
    <message>
        <location filename="../person/record_form.py" line="97"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../person/record_form.py" line="98"/>
        <location filename="../person/record_form.py" line="105"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../person/record_form.py" line="99"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../person/record_form.py" line="218"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../person/record_form.py" line="229"/>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../recover_dialog.py" line="270"/>
        <source>Open the vault with your recovery code</source>
        <translation>Abrir la bóveda con su código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="277"/>
        <source>Type the recovery code from the sheet you printed when this vault was made. Spaces, dashes and small letters are fine. Then choose a new passphrase: the old one stops working.</source>
        <translation>Escriba el código de recuperación de la hoja que imprimió al crear esta bóveda. Puede usar espacios, guiones y minúsculas. Luego elija una frase de contraseña nueva: la anterior deja de funcionar.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="284"/>
        <source>Recovery &amp;code</source>
        <translation>&amp;Código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="284"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="287"/>
        <source>&amp;New passphrase</source>
        <translation>Frase de contraseña &amp;nueva</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="287"/>
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="290"/>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="293"/>
        <source>New passphrase &amp;again</source>
        <translation>Frase de contraseña nueva &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="293"/>
        <source>New passphrase again</source>
        <translation>Frase de contraseña nueva otra vez</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="294"/>
        <source>Open the vault</source>
        <translation>Abrir la bóveda</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="295"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="310"/>
        <source>Strength: {label}. {hint}</source>
        <translation>Solidez: {label}. {hint}</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="329"/>
        <source>Opening the vault with the recovery code…</source>
        <translation>Abriendo la bóveda con el código de recuperación…</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="351"/>
        <source>The recovery code cannot mend the database; a backup can.</source>
        <translation>El código de recuperación no puede reparar la base de datos; una copia de seguridad sí.</translation>
    </message>
</context>
<context>
    <name>ReferralsSection</name>
    <message>
        <location filename="../person/referrals.py" line="78"/>
        <source>Offering a referral is an offer: accepting, declining or “not now” are all the person&apos;s choice. A release lets you share their information with one recipient; help never depends on signing one.</source>
        <translation>Ofrecer una derivación es una oferta: aceptar, no aceptar o «ahora no» son decisiones de la persona. Una autorización le permite compartir su información con un destinatario; la ayuda nunca depende de firmar una.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="222"/>
        <source>Referrals and consent</source>
        <translation>Derivaciones y consentimiento</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="234"/>
        <source>Referrals status</source>
        <translation>Estado de las derivaciones</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="236"/>
        <source>Releases ending soon</source>
        <translation>Autorizaciones que terminan pronto</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="242"/>
        <source>Releases</source>
        <translation>Autorizaciones</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="242"/>
        <source>Releases of information the person gave, and where each stands.</source>
        <translation>Autorizaciones para divulgar información que dio la persona, y el estado de cada una.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="244"/>
        <source>No releases recorded. None is needed to offer help.</source>
        <translation>No hay autorizaciones registradas. No hace falta ninguna para ofrecer ayuda.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="245"/>
        <location filename="../person/referrals.py" line="430"/>
        <source>Record a release</source>
        <translation>Registrar una autorización</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="247"/>
        <source>Withdraw the chosen release…</source>
        <translation>Retirar la autorización elegida…</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="247"/>
        <source>Withdraw the chosen release</source>
        <translation>Retirar la autorización elegida</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="251"/>
        <source>Share with the prosecution…</source>
        <translation>Compartir con la fiscalía…</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="251"/>
        <source>Share with the prosecution</source>
        <translation>Compartir con la fiscalía</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="254"/>
        <source>Share facts the person agreed to, under their release to a prosecution team</source>
        <translation>Compartir los datos que la persona aceptó, con su autorización para un equipo de la fiscalía</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="264"/>
        <location filename="../person/referrals.py" line="384"/>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="264"/>
        <source>Referrals offered to the person, with their decision and follow-up.</source>
        <translation>Derivaciones ofrecidas a la persona, con su decisión y el seguimiento.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="266"/>
        <source>No referrals offered yet.</source>
        <translation>Todavía no se ha ofrecido ninguna derivación.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="267"/>
        <location filename="../person/referrals.py" line="478"/>
        <source>Offer a referral</source>
        <translation>Ofrecer una derivación</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="271"/>
        <source>Chosen referral</source>
        <translation>Derivación elegida</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="273"/>
        <source>Make the referral</source>
        <translation>Hacer la derivación</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="274"/>
        <source>Checks the person&apos;s release and safe ways to reach them, then records it</source>
        <translation>Revisa la autorización de la persona y las maneras seguras de comunicarse con ella, y luego la registra</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="278"/>
        <source>Choose a step</source>
        <translation>Elija un paso</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="282"/>
        <location filename="../person/referrals.py" line="322"/>
        <source>Next step</source>
        <translation>Siguiente paso</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="284"/>
        <source>Date of the step</source>
        <translation>Fecha del paso</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="285"/>
        <source>Add the step</source>
        <translation>Agregar el paso</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="289"/>
        <location filename="../person/referrals.py" line="499"/>
        <source>The person&apos;s decision</source>
        <translation>La decisión de la persona</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="290"/>
        <source>Save the decision</source>
        <translation>Guardar la decisión</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="290"/>
        <source>Save the person&apos;s decision</source>
        <translation>Guardar la decisión de la persona</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="296"/>
        <location filename="../person/referrals.py" line="503"/>
        <source>Not decided yet</source>
        <translation>Todavía no se decidió</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="300"/>
        <location filename="../person/referrals.py" line="324"/>
        <location filename="../person/referrals.py" line="507"/>
        <location filename="../person/referrals.py" line="1068"/>
        <source>How they connect</source>
        <translation>Cómo se conectan</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="301"/>
        <source>Save the way to connect</source>
        <translation>Guardar la manera de conectar</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="304"/>
        <source>About the chosen referral&apos;s way to connect</source>
        <translation>Sobre la manera de conectar de la derivación elegida</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="320"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="380"/>
        <source>Referrals &amp; consent</source>
        <translation>Derivaciones y consentimiento</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="396"/>
        <source>Releases the person gave</source>
        <translation>Autorizaciones que dio la persona</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="430"/>
        <source>Save the release</source>
        <translation>Guardar la autorización</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="432"/>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="433"/>
        <source>Recipient&apos;s name, if not in the directory</source>
        <translation>Nombre del destinatario, si no está en el directorio</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="437"/>
        <source>Information covered</source>
        <translation>Información que cubre</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="439"/>
        <source>Separate with commas: {examples}</source>
        <translation>Separe con comas: {examples}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="441"/>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="441"/>
        <source>For example: referral for legal help</source>
        <translation>Por ejemplo: derivación para ayuda legal</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="442"/>
        <source>Starts on</source>
        <translation>Empieza el</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="443"/>
        <source>Ends on</source>
        <translation>Termina el</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="447"/>
        <source>Choose how it was given</source>
        <translation>Elija cómo se dio</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="451"/>
        <source>How the person gave it</source>
        <translation>Cómo la dio la persona</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="452"/>
        <source>Witness (when given aloud)</source>
        <translation>Testigo (cuando se da de palabra)</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="453"/>
        <location filename="../person/referrals.py" line="801"/>
        <source>Attach a scan…</source>
        <translation>Adjuntar un escaneo…</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="453"/>
        <source>Attach a scanned release</source>
        <translation>Adjuntar una autorización escaneada</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="455"/>
        <source>Scanned release (kept encrypted)</source>
        <translation>Autorización escaneada (se guarda cifrada)</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="463"/>
        <source>Withdraw a release</source>
        <translation>Retirar una autorización</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="463"/>
        <source>Withdraw it</source>
        <translation>Retirarla</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="464"/>
        <source>Withdrawn on</source>
        <translation>Retirada el</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="465"/>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="468"/>
        <source>Shares that will lapse</source>
        <translation>Lo compartido que dejará de valer</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="478"/>
        <source>Save the referral</source>
        <translation>Guardar la derivación</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="483"/>
        <source>Choose the kind of help</source>
        <translation>Elija el tipo de ayuda</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="487"/>
        <source>Kind of help</source>
        <translation>Tipo de ayuda</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="488"/>
        <location filename="../person/referrals.py" line="740"/>
        <source>No provider chosen yet</source>
        <translation>Todavía no se eligió un proveedor</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="489"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="490"/>
        <source>Date offered</source>
        <translation>Fecha en que se ofreció</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="495"/>
        <source>Choose the person&apos;s decision</source>
        <translation>Elija la decisión de la persona</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="509"/>
        <source>About this way to connect</source>
        <translation>Sobre esta manera de conectar</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="514"/>
        <source>Shared with the provider</source>
        <translation>Se comparte con el proveedor</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="518"/>
        <source>Identifying information</source>
        <translation>Información que identifica</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="520"/>
        <source>Whether the referral shares the person&apos;s name or other identifying information</source>
        <translation>Si la derivación comparte el nombre de la persona u otra información que la identifique</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="522"/>
        <source>Follow-up due</source>
        <translation>Fecha del seguimiento</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="544"/>
        <location filename="../person/referrals.py" line="640"/>
        <source>⚠ {warning}</source>
        <translation>⚠ {warning}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="551"/>
        <source>Why the referral was not made</source>
        <translation>Por qué no se hizo la derivación</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="555"/>
        <source>Supervisor who approved the override</source>
        <translation>Supervisora o supervisor que aprobó la excepción</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="556"/>
        <source>Supervisor&apos;s name</source>
        <translation>Nombre de quien supervisa</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="558"/>
        <source>Reason for the override</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="559"/>
        <source>Why it must be shared without a release, in a sentence</source>
        <translation>Por qué hay que compartir sin autorización, en una oración</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="561"/>
        <source>Make it with this override</source>
        <translation>Hacerla con esta excepción</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="561"/>
        <source>Make the referral with this override</source>
        <translation>Hacer la derivación con esta excepción</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="569"/>
        <source>A supervisor may approve sharing anyway, with a reason that is recorded:</source>
        <translation>Quien supervisa puede aprobar que se comparta de todos modos, con un motivo que queda registrado:</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="576"/>
        <source>Approved by</source>
        <translation>Aprobada por</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="578"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="582"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="582"/>
        <source>Close this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="634"/>
        <source>{recipient} · {state}
Covers {covered} · For {purpose}</source>
        <translation>{recipient} · {state}
Cubre: {covered} · Para: {purpose}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="651"/>
        <source>{line} · offer {n} of {count} that day</source>
        <translation>{line} · oferta {n} de {count} ese día</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="684"/>
        <source>No provider chosen</source>
        <translation>Sin proveedor elegido</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="687"/>
        <source>Offered {date}</source>
        <translation>Ofrecida el {date}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="688"/>
        <source>Made {date}</source>
        <translation>Hecha el {date}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="694"/>
        <source>⚠ Follow-up due {date}</source>
        <translation>⚠ Seguimiento para el {date}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="694"/>
        <source>Follow-up due {date}</source>
        <translation>Seguimiento para el {date}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="705"/>
        <source>How they connect: not decided yet</source>
        <translation>Cómo se conectan: todavía no se decidió</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="707"/>
        <source>Shares identifying information</source>
        <translation>Comparte información que identifica</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="709"/>
        <source>Shares nothing identifying</source>
        <translation>No comparte nada que identifique</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="712"/>
        <source>Shared by supervisor override: {reason}</source>
        <translation>Compartida por excepción de quien supervisa: {reason}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="714"/>
        <source>{date}: {step} ({note})</source>
        <translation>{date}: {step} ({note})</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="714"/>
        <source>{date}: {step}</source>
        <translation>{date}: {step}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="719"/>
        <source>Steps: {steps}</source>
        <translation>Pasos: {steps}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="719"/>
        <source>none yet</source>
        <translation>ninguno todavía</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="729"/>
        <source>Someone not in the directory</source>
        <translation>Alguien que no está en el directorio</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="776"/>
        <source>A referral is made once the person has accepted it</source>
        <translation>Una derivación se hace cuando la persona la ha aceptado</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="785"/>
        <source>The referral is made: the way to connect stays as it was sent</source>
        <translation>La derivación ya se hizo: la manera de conectar se queda como se envió</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="881"/>
        <source>Choose the scanned release</source>
        <translation>Elija la autorización escaneada</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="881"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Escaneos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="885"/>
        <source>Scan chosen: it will be stored encrypted in the vault</source>
        <translation>Escaneo elegido: se guardará cifrado en la bóveda</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="905"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="917"/>
        <source>Nothing was saved. {reason}</source>
        <translation>No se guardó nada. {reason}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="939"/>
        <source>Release saved.</source>
        <translation>Autorización guardada.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="953"/>
        <source>The release is withdrawn. Nothing more will be shared under it. {lapse}</source>
        <translation>La autorización está retirada. No se compartirá nada más con ella. {lapse}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="955"/>
        <source>The release is withdrawn. Nothing more will be shared under it.</source>
        <translation>La autorización está retirada. No se compartirá nada más con ella.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="965"/>
        <source>Please choose the person&apos;s decision. If they have not decided yet, choose “{pending}”.</source>
        <translation>Elija la decisión de la persona, por favor. Si todavía no ha decidido, elija «{pending}».</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="975"/>
        <source>Referral saved.</source>
        <translation>Derivación guardada.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="987"/>
        <source>The person&apos;s decision is saved.</source>
        <translation>La decisión de la persona está guardada.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="999"/>
        <source>The way to connect is saved. You can make the referral now.</source>
        <translation>La manera de conectar está guardada. Ya puede hacer la derivación.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1008"/>
        <source>Choose the step first.</source>
        <translation>Primero elija el paso.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1012"/>
        <source>Step added.</source>
        <translation>Paso agregado.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1027"/>
        <source>Checking the release and the safe ways to reach the person…</source>
        <translation>Revisando la autorización y las maneras seguras de comunicarse con la persona…</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1039"/>
        <source>The referral is made and recorded.</source>
        <translation>La derivación está hecha y registrada.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1041"/>
        <source>The referral is made under the supervisor&apos;s override, which is recorded.</source>
        <translation>La derivación está hecha con la excepción de quien supervisa, que queda registrada.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1051"/>
        <source>The referral was not made. The reason is below.</source>
        <translation>La derivación no se hizo. El motivo está abajo.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1053"/>
        <source>Not made yet. {reason}</source>
        <translation>Todavía no se hizo. {reason}</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1068"/>
        <source>Change “{field}” below, then make it.</source>
        <translation>Cambie «{field}» abajo y luego hágala.</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="1086"/>
        <source>The referral was not made. {reason}</source>
        <translation>La derivación no se hizo. {reason}</translation>
    </message>
</context>
<context>
    <name>ReliefSection</name>
    <message>
        <location filename="../person/relief.py" line="84"/>
        <source>Offense</source>
        <translation>Delito</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="85"/>
        <source>As written on the docket</source>
        <translation>Tal como aparece en el expediente</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="86"/>
        <source>For example: convicted, plea, dismissed</source>
        <translation>Por ejemplo: condena, acuerdo de culpabilidad, desestimado</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="92"/>
        <source>The statute or rule the petition relies on</source>
        <translation>La ley o regla en la que se basa la petición</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="98"/>
        <source>What is due, in a few words</source>
        <translation>Qué vence, en pocas palabras</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="101"/>
        <source>Date of the decision</source>
        <translation>Fecha de la decisión</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="102"/>
        <source>Order reference</source>
        <translation>Referencia de la orden</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="106"/>
        <source>Statute</source>
        <extracomment>The forms&apos; field labels (the columns&apos; own words), for the catalogue: shown through the section&apos;s tr().</extracomment>
        <translation>Ley</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="107"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="108"/>
        <source>Arrest date</source>
        <translation>Fecha del arresto</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="109"/>
        <source>Arresting agency</source>
        <translation>Agencia que hizo el arresto</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="110"/>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="111"/>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="112"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="113"/>
        <source>Docket number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="114"/>
        <source>Disposition</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="115"/>
        <source>Date of conviction or disposition</source>
        <translation>Fecha de la condena o resolución</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="116"/>
        <source>Sentence status</source>
        <translation>Estado de la sentencia</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="117"/>
        <source>Relief sought</source>
        <translation>Medida solicitada</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="118"/>
        <source>Eligibility</source>
        <translation>Requisitos</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="119"/>
        <source>Legal basis</source>
        <translation>Base legal</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="120"/>
        <source>Representation</source>
        <translation>Representación</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="121"/>
        <source>Filing court</source>
        <translation>Tribunal donde se presenta</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="122"/>
        <source>Filed on</source>
        <translation>Presentada el</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="123"/>
        <source>Prosecutor&apos;s position</source>
        <translation>Posición de la fiscalía</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="124"/>
        <source>Hearing date</source>
        <translation>Fecha de la audiencia</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="125"/>
        <source>Records confirmed corrected on</source>
        <translation>Antecedentes confirmados como corregidos el</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="126"/>
        <source>Kind of deadline</source>
        <translation>Tipo de plazo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="127"/>
        <source>Due on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="128"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="292"/>
        <source>Record relief form</source>
        <extracomment>The forms&apos; choices as people read them (the stored value is the key), in the words the English form always showed. The palette role of a deadline&apos;s text, by its state. The widest a row of this section lays itself out before it takes another line: what is left beside the side list at 1280 pixels when the language&apos;s section names are long (Spanish) and the text is twice its size.</extracomment>
        <translation>Formulario de limpieza de antecedentes</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="293"/>
        <source>Cancel and go back to record relief</source>
        <translation>Cancelar y volver a la limpieza de antecedentes</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="310"/>
        <location filename="../person/relief.py" line="315"/>
        <location filename="../person/relief.py" line="559"/>
        <source>Record relief</source>
        <translation>Limpieza de antecedentes</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="319"/>
        <source>Record relief message</source>
        <translation>Mensaje de limpieza de antecedentes</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="325"/>
        <source>Track the work to clear this person&apos;s record here: each arrest or conviction that may be vacated, expunged or sealed, the petitions and hearings, and the deadlines that must not be missed. Start with the jurisdiction whose rules apply.</source>
        <translation>Lleve aquí el trabajo para limpiar los antecedentes de esta persona: cada arresto o condena que se pueda anular, eliminar o sellar, las peticiones y audiencias, y los plazos que no se pueden pasar. Empiece por la jurisdicción cuyas reglas se aplican.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="332"/>
        <location filename="../person/relief.py" line="337"/>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="334"/>
        <source>Start record relief</source>
        <translation>Empezar la limpieza de antecedentes</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="357"/>
        <location filename="../person/relief.py" line="390"/>
        <source>Relief case</source>
        <translation>Caso de limpieza</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="361"/>
        <source>Case status</source>
        <translation>Estado del caso</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="365"/>
        <location filename="../person/relief.py" line="571"/>
        <source>Choose the new status</source>
        <translation>Elija el estado nuevo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="366"/>
        <location filename="../person/relief.py" line="373"/>
        <source>New status</source>
        <translation>Estado nuevo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="368"/>
        <source>Note on the status change</source>
        <translation>Nota sobre el cambio de estado</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="369"/>
        <source>Note on the change (optional)</source>
        <translation>Nota sobre el cambio (opcional)</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="370"/>
        <source>Change status</source>
        <translation>Cambiar el estado</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="400"/>
        <source>Jurisdiction rules, as guidance</source>
        <translation>Reglas de la jurisdicción, como orientación</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="403"/>
        <location filename="../person/relief.py" line="457"/>
        <source>Deadlines</source>
        <translation>Plazos</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="403"/>
        <source>Deadlines for this case, the one due soonest first.</source>
        <translation>Plazos de este caso, el que vence antes primero.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="404"/>
        <source>No deadlines yet.</source>
        <translation>Todavía no hay plazos.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="405"/>
        <source>Add a deadline</source>
        <translation>Agregar un plazo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="406"/>
        <location filename="../person/relief.py" line="629"/>
        <source>Mark done</source>
        <translation>Marcar como hecho</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="406"/>
        <location filename="../person/relief.py" line="631"/>
        <source>Mark the chosen deadline done</source>
        <translation>Marcar como hecho el plazo elegido</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="412"/>
        <location filename="../person/relief.py" line="459"/>
        <source>Charges</source>
        <translation>Cargos</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="412"/>
        <source>Each arrest or conviction with the relief sought and its outcome.</source>
        <translation>Cada arresto o condena con la medida solicitada y su resultado.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="415"/>
        <source>No charges yet. Add each arrest or conviction from the records you gather.</source>
        <translation>Todavía no hay cargos. Agregue cada arresto o condena de los registros que reúna.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="417"/>
        <source>Add a charge</source>
        <translation>Agregar un cargo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="418"/>
        <source>Change charge</source>
        <translation>Cambiar el cargo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="418"/>
        <source>Change the chosen charge</source>
        <translation>Cambiar el cargo elegido</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="425"/>
        <location filename="../person/relief.py" line="461"/>
        <source>Petitions</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="425"/>
        <source>Petitions filed or being prepared, with the court&apos;s decision.</source>
        <translation>Peticiones presentadas o en preparación, con la decisión del tribunal.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="427"/>
        <source>No petitions yet.</source>
        <translation>Todavía no hay peticiones.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="428"/>
        <source>Add a petition</source>
        <translation>Agregar una petición</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="429"/>
        <source>Change petition</source>
        <translation>Cambiar la petición</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="429"/>
        <source>Change the chosen petition</source>
        <translation>Cambiar la petición elegida</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="431"/>
        <source>Record the decision</source>
        <translation>Registrar la decisión</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="431"/>
        <source>Record the decision on the chosen petition</source>
        <translation>Registrar la decisión sobre la petición elegida</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="440"/>
        <source>Start another relief case</source>
        <translation>Empezar otro caso de limpieza</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="563"/>
        <source>Record relief · {place}</source>
        <translation>Limpieza de antecedentes · {place}</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="565"/>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="567"/>
        <source>{status} · Represented by {who}</source>
        <translation>{status} · Representada por {who}</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="629"/>
        <source>Not done yet</source>
        <translation>Todavía no está hecho</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="631"/>
        <source>Mark the chosen deadline not done</source>
        <translation>Marcar el plazo elegido como no hecho</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="697"/>
        <source>Please choose the new status first.</source>
        <translation>Primero elija el estado nuevo, por favor.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="727"/>
        <source>New deadline</source>
        <translation>Plazo nuevo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="740"/>
        <source>New charge</source>
        <translation>Cargo nuevo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="754"/>
        <source>Charge</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="762"/>
        <source>Charges this petition asks relief for</source>
        <translation>Cargos para los que esta petición pide una medida</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="767"/>
        <source>Include: {charge}</source>
        <translation>Incluir: {charge}</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="773"/>
        <source>Add the charges first; then choose them here.</source>
        <translation>Primero agregue los cargos; luego elíjalos aquí.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="788"/>
        <source>New petition</source>
        <translation>Petición nueva</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="804"/>
        <source>Petition</source>
        <translation>Petición</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="818"/>
        <source>The outcome for each charge</source>
        <translation>El resultado de cada cargo</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="823"/>
        <source>Choose the outcome</source>
        <translation>Elija el resultado</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="825"/>
        <source>Outcome: {charge}</source>
        <translation>Resultado: {charge}</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="835"/>
        <source>Choose this petition&apos;s charges first (Change petition).</source>
        <translation>Primero elija los cargos de esta petición (Cambiar la petición).</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="842"/>
        <source>Please choose the outcome for each charge.</source>
        <translation>Elija el resultado de cada cargo, por favor.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="845"/>
        <source>Please give the date the court decided.</source>
        <translation>Indique la fecha en que decidió el tribunal, por favor.</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="851"/>
        <source>The court&apos;s decision</source>
        <translation>La decisión del tribunal</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../recover_dialog.py" line="415"/>
        <source>Restore the vault from a backup</source>
        <translation>Restaurar la bóveda desde una copia de seguridad</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="425"/>
        <source>Choose a backup. It takes the place of the vault on this computer; the vault&apos;s current files are moved into a folder beside it, never deleted.</source>
        <translation>Elija una copia de seguridad. Ocupará el lugar de la bóveda en este equipo; los archivos actuales de la bóveda se mueven a una carpeta al lado, nunca se borran.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="430"/>
        <source>&amp;Backups, newest first</source>
        <translation>&amp;Copias de seguridad, la más reciente primero</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="432"/>
        <source>Backups, newest first</source>
        <translation>Copias de seguridad, la más reciente primero</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="438"/>
        <source>Choose another file…</source>
        <translation>Elegir otro archivo…</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="438"/>
        <source>Choose another backup file</source>
        <translation>Elegir otro archivo de copia de seguridad</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="449"/>
        <source>&amp;Passphrase the vault had when the backup was made</source>
        <translation>&amp;Frase de contraseña que tenía la bóveda cuando se hizo la copia</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="449"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="451"/>
        <source>Recovery &amp;code</source>
        <translation>&amp;Código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="451"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="452"/>
        <source>&amp;New passphrase</source>
        <translation>Frase de contraseña &amp;nueva</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="452"/>
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="453"/>
        <source>New passphrase &amp;again</source>
        <translation>Frase de contraseña nueva &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="453"/>
        <source>New passphrase again</source>
        <translation>Frase de contraseña nueva otra vez</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="454"/>
        <location filename="../recover_dialog.py" line="542"/>
        <source>Use my recovery code instead</source>
        <translation>Usar mi código de recuperación en su lugar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="464"/>
        <location filename="../recover_dialog.py" line="626"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="464"/>
        <location filename="../recover_dialog.py" line="627"/>
        <source>Restore this backup</source>
        <translation>Restaurar esta copia de seguridad</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="465"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="466"/>
        <source>Open my vault</source>
        <translation>Abrir mi bóveda</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="495"/>
        <source>No backups were found in {folder}. Choose the file if it is somewhere else.</source>
        <translation>No se encontraron copias de seguridad en {folder}. Elija el archivo si está en otro lugar.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="510"/>
        <source>Choose an Offramp backup</source>
        <translation>Elegir una copia de seguridad de Offramp</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="512"/>
        <source>Offramp backups (*{suffix});;All files (*)</source>
        <translation>Copias de seguridad de Offramp (*{suffix});;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="542"/>
        <source>Use the passphrase instead</source>
        <translation>Usar la frase de contraseña en su lugar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="557"/>
        <source>Please choose a backup first.</source>
        <translation>Primero elija una copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="573"/>
        <source>Please type the passphrase the vault had when the backup was made.</source>
        <translation>Escriba la frase de contraseña que tenía la bóveda cuando se hizo la copia.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="589"/>
        <source>Checking the backup and putting it in place…</source>
        <translation>Comprobando la copia de seguridad y poniéndola en su lugar…</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="616"/>
        <source>{question} Choose “Replace this vault” to go on, or Cancel.</source>
        <translation>{question} Elija “Reemplazar esta bóveda” para seguir, o Cancelar.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="618"/>
        <source>Replace this vault</source>
        <translation>Reemplazar esta bóveda</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="619"/>
        <source>Replace this vault with the other vault&apos;s backup</source>
        <translation>Reemplazar esta bóveda con la copia de seguridad de la otra bóveda</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="643"/>
        <source>The backup is back in place</source>
        <translation>La copia de seguridad está en su lugar</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="646"/>
        <source>The vault is open again. The files it replaced were kept, not deleted, in this folder:

{folder}</source>
        <translation>La bóveda está abierta de nuevo. Los archivos que reemplazó se conservaron, sin borrarse, en esta carpeta:

{folder}</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="649"/>
        <source>The vault is open again.</source>
        <translation>La bóveda está abierta de nuevo.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="662"/>
        <source>The backup was put in place, but the vault did not open: {problem}</source>
        <translation>La copia de seguridad se puso en su lugar, pero la bóveda no se abrió: {problem}</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../person/session_form.py" line="1030"/>
        <source>← Back to the answers</source>
        <translation>← Volver a las respuestas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1030"/>
        <source>Back to the answers</source>
        <translation>Volver a las respuestas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1035"/>
        <location filename="../person/session_form.py" line="1101"/>
        <source>What the answers show</source>
        <translation>Lo que muestran las respuestas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1040"/>
        <location filename="../person/session_form.py" line="1107"/>
        <source>Your assessment</source>
        <translation>Su valoración</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1048"/>
        <source>Your assessment. The arrow keys move between the choices.</source>
        <translation>Su valoración. Las flechas pasan de una opción a otra.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1057"/>
        <source>Reason for your assessment</source>
        <translation>Motivo de su valoración</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1058"/>
        <source>What you saw and heard that led to this.</source>
        <translation>Lo que vio y escuchó que le llevó a esto.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1062"/>
        <source>Save my assessment</source>
        <translation>Guardar mi valoración</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1067"/>
        <source>Assessment saved</source>
        <translation>Valoración guardada</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1078"/>
        <location filename="../person/session_form.py" line="1123"/>
        <source>Identification decision</source>
        <translation>Decisión de identificación</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1083"/>
        <source>Type of trafficking or exploitation</source>
        <translation>Tipo de trata o explotación</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1085"/>
        <location filename="../person/session_form.py" line="1086"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1088"/>
        <source>Reason for the decision</source>
        <translation>Motivo de la decisión</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1089"/>
        <source>The reason, in a sentence or two.</source>
        <translation>El motivo, en una o dos frases.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1092"/>
        <source>Record this decision</source>
        <translation>Registrar esta decisión</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1096"/>
        <source>Earlier decisions</source>
        <translation>Decisiones anteriores</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1110"/>
        <source>Your own reading of this screening, with a reason. It is not an identification decision.</source>
        <translation>Su propia lectura de esta evaluación, con un motivo. No es una decisión de identificación.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1127"/>
        <source>Made only by a named person, with a date and a reason. A later decision keeps this one in the history.</source>
        <translation>La toma solo una persona con nombre, con fecha y motivo. Una decisión posterior deja esta en el historial.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1136"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1138"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1153"/>
        <source>Your &amp;name</source>
        <translation>Su &amp;nombre</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1157"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1169"/>
        <source>Result and decision</source>
        <translation>Resultado y decisión</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1233"/>
        <source>In force: {decision} — {name}, {date}. Reason: {reason}</source>
        <translation>Vigente: {decision} — {name}, {date}. Motivo: {reason}</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1238"/>
        <source>No decision recorded yet.</source>
        <translation>Todavía no hay ninguna decisión registrada.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1244"/>
        <source>Earlier decisions:
{decisions}</source>
        <translation>Decisiones anteriores:
{decisions}</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1254"/>
        <source>Please choose indicators present, unclear or not indicated.</source>
        <translation>Elija hay indicadores, no está claro o no hay indicadores.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1263"/>
        <source>Your assessment is saved: {assessment}, with your reason.</source>
        <translation>Su valoración está guardada: {assessment}, con su motivo.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1280"/>
        <source>Please choose a decision.</source>
        <translation>Elija una decisión.</translation>
    </message>
</context>
<context>
    <name>SafetyPlanSection</name>
    <message>
        <location filename="../person/safety.py" line="83"/>
        <source>Without a password, anyone who can use this computer, or finds the file, can read it. A password the person knows keeps it closed.</source>
        <translation>Sin contraseña, cualquiera que use este equipo o encuentre el archivo puede leerlo. Una contraseña que la persona conozca lo mantiene cerrado.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="88"/>
        <source>Print the code words too</source>
        <translation>Imprimir también las palabras clave</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="89"/>
        <source>Only if the person wants to carry them: paper can be found.</source>
        <translation>Solo si la persona quiere llevarlas consigo: un papel se puede encontrar.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="90"/>
        <source>Review due</source>
        <translation>Revisión pendiente</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="504"/>
        <location filename="../person/safety.py" line="508"/>
        <source>Safety plan</source>
        <extracomment>Unsaved typing per part (component key -&gt; (choice, words, details)).</extracomment>
        <translation>Plan de seguridad</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="513"/>
        <source>Plan summary</source>
        <translation>Resumen del plan</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="517"/>
        <source>Changes to the plan</source>
        <translation>Cambios en el plan</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="520"/>
        <source>Parts of the plan</source>
        <translation>Partes del plan</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="522"/>
        <source>Choose a part with the arrow keys; Tab moves to the person&apos;s choice.</source>
        <translation>Elija una parte con las flechas; Tab lleva a la decisión de la persona.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="551"/>
        <source>The person&apos;s copy</source>
        <translation>La copia de la persona</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="552"/>
        <source>About the person&apos;s copy</source>
        <translation>Sobre la copia de la persona</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="560"/>
        <source>Password for the copy</source>
        <translation>Contraseña de la copia</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="561"/>
        <source>Password (at least 8 characters), or leave empty</source>
        <translation>Contraseña (al menos 8 caracteres), o déjelo en blanco</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="562"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="564"/>
        <source>About saving without a password</source>
        <translation>Sobre guardar sin contraseña</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="565"/>
        <source>Make the person&apos;s copy…</source>
        <translation>Hacer la copia de la persona…</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="565"/>
        <source>Make the person&apos;s copy</source>
        <translation>Hacer la copia de la persona</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="566"/>
        <source>Copy status</source>
        <translation>Estado de la copia</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="740"/>
        <source>No plan yet. The plan belongs to the person: record whether they want to plan, and go at their pace. “Not ready to leave” is a complete plan.</source>
        <translation>Todavía no hay plan. El plan es de la persona: registre si quiere hacer un plan, y vaya a su ritmo. “Aún no es momento de irse” es un plan completo.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="745"/>
        <source>Every part has the person&apos;s answer. The plan is complete.</source>
        <translation>Cada parte tiene la respuesta de la persona. El plan está completo.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="748"/>
        <source>Still to talk about, when the person is ready: {parts}.</source>
        <translation>Queda por hablar, cuando la persona esté lista: {parts}.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="752"/>
        <source>Review due since {date}. {summary}</source>
        <translation>Revisión pendiente desde el {date}. {summary}</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="776"/>
        <source>unsaved</source>
        <translation>sin guardar</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="866"/>
        <source>The plan is saved.</source>
        <translation>El plan está guardado.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="881"/>
        <source>Please record the person&apos;s choice first: chosen, declined or not now.</source>
        <translation>Primero registre la decisión de la persona: lo eligió, prefirió que no, o ahora no.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="895"/>
        <source>Saved. The earlier answer stays in the history.</source>
        <translation>Guardado. La respuesta anterior queda en el historial.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="955"/>
        <source>Your office has turned off printing and saving the person&apos;s copy. You can go through the plan together on screen instead.</source>
        <translation>Su oficina desactivó imprimir y guardar la copia de la persona. En su lugar, pueden revisar el plan juntos en la pantalla.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="969"/>
        <source>A plain page in the person&apos;s words, with only the parts they chose: no office name, no title, no case details, no legal name, and none of your own notes.</source>
        <translation>Una página sencilla con las palabras de la persona y solo las partes que eligió: sin nombre de la oficina, sin título, sin detalles del caso, sin nombre legal y sin ninguna de sus notas.</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="976"/>
        <source>Save the person&apos;s copy</source>
        <translation>Guardar la copia de la persona</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="989"/>
        <source>Making the copy…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="998"/>
        <source>The copy is saved (protected with the password).</source>
        <translation>La copia está guardada (protegida con la contraseña).</translation>
    </message>
    <message>
        <location filename="../person/safety.py" line="1001"/>
        <source>The copy is saved (not protected: anyone with the file can read it).</source>
        <translation>La copia está guardada (sin protección: cualquiera que tenga el archivo puede leerla).</translation>
    </message>
</context>
<context>
    <name>ScreeningPromptBanner</name>
    <message>
        <location filename="../person/prompt.py" line="25"/>
        <source>Noted. The prompt will not be offered again for this matter.</source>
        <translation>Anotado. La sugerencia no volverá a aparecer para este asunto.</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="62"/>
        <location filename="../person/prompt.py" line="64"/>
        <source>Consider a screening</source>
        <extracomment>&quot;Start a screening&quot;: the workspace shows the Screening section, ready to start. The worker closed the &quot;Noted&quot; message: the keyboard goes back to the page.</extracomment>
        <translation>Considere una evaluación</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="67"/>
        <source>Start a screening</source>
        <translation>Empezar una evaluación</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="68"/>
        <source>Opens the Screening section, ready to start one.</source>
        <translation>Abre la sección Evaluación, lista para empezar una.</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="69"/>
        <source>Not now…</source>
        <translation>Ahora no…</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="69"/>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="71"/>
        <source>Asks for a short reason; the prompt is then not offered again.</source>
        <translation>Pide un motivo breve; después la sugerencia no vuelve a aparecer.</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="77"/>
        <source>Why not now? A few words, kept with this matter:</source>
        <translation>¿Por qué ahora no? Unas pocas palabras, que se guardan con este asunto:</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="80"/>
        <source>Why not now</source>
        <translation>Por qué ahora no</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="81"/>
        <source>For example: in court today, the advocate will screen next week</source>
        <translation>Por ejemplo: hoy hay audiencia, el defensor hará la evaluación la semana próxima</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="84"/>
        <source>Save the reason</source>
        <translation>Guardar el motivo</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="85"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="85"/>
        <source>Cancel, keep the prompt</source>
        <translation>Cancelar y mantener la sugerencia</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="92"/>
        <source>Prompt answered</source>
        <translation>Sugerencia respondida</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="93"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="93"/>
        <source>Close this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="190"/>
        <source>docket {number}</source>
        <translation>expediente {number}</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="192"/>
        <source>arrested on {date}</source>
        <translation>arresto el {date}</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="194"/>
        <source>About the matter: {matter}.</source>
        <translation>Sobre el asunto: {matter}.</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="228"/>
        <source>Please say in a few words why not now.</source>
        <translation>Diga en pocas palabras por qué ahora no.</translation>
    </message>
    <message>
        <location filename="../person/prompt.py" line="253"/>
        <source>The reason could not be saved. Please try again.</source>
        <translation>No se pudo guardar el motivo. Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>SessionFormPage</name>
    <message>
        <location filename="../person/session_form.py" line="697"/>
        <source>← {back}</source>
        <translation>← {back}</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="702"/>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="710"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="711"/>
        <source>Choose a question to go to it.</source>
        <translation>Elija una pregunta para ir a ella.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="727"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="727"/>
        <location filename="../person/session_form.py" line="805"/>
        <source>Previous question</source>
        <translation>Pregunta anterior</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="728"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="728"/>
        <location filename="../person/session_form.py" line="804"/>
        <source>Next question</source>
        <translation>Pregunta siguiente</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="729"/>
        <source>Page Up</source>
        <translation>Re Pág</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="730"/>
        <source>Page Down</source>
        <translation>Av Pág</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="735"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="744"/>
        <source>Mark complete</source>
        <translation>Marcar como completa</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="745"/>
        <source>Stopped at the person&apos;s request</source>
        <translation>Detenida a petición de la persona</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="746"/>
        <source>Result and assessment</source>
        <translation>Resultado y valoración</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="747"/>
        <source>Save a PDF for the file…</source>
        <translation>Guardar un PDF para el expediente…</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="747"/>
        <source>Save a PDF for the file</source>
        <translation>Guardar un PDF para el expediente</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="803"/>
        <source>Answer {n}</source>
        <translation>Respuesta {n}</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="813"/>
        <source>{title} · version {version}</source>
        <translation>{title} · versión {version}</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="847"/>
        <source>{status} · {answered} of {total} answered · every answer is saved as you go</source>
        <translation>{status} · {answered} de {total} respondidas · cada respuesta se guarda al momento</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="867"/>
        <source>Answered</source>
        <translation>Respondida</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="885"/>
        <source>{where} · needed to finish</source>
        <translation>{where} · necesaria para terminar</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="887"/>
        <source>Question {n} of {total}</source>
        <translation>Pregunta {n} de {total}</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="918"/>
        <source>Typing…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="939"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="954"/>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="958"/>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="998"/>
        <source>Saved as {status}</source>
        <translation>Guardada como {status}</translation>
    </message>
</context>
<context>
    <name>SessionListPage</name>
    <message>
        <location filename="../person/session_form.py" line="251"/>
        <location filename="../person/session_form.py" line="257"/>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="271"/>
        <source>Press Enter to open one.</source>
        <translation>Pulse Intro para abrir una.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="303"/>
        <source>{title} (version {version})</source>
        <translation>{title} (versión {version})</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="328"/>
        <source>Identification: no decision recorded. Only a person decides this.</source>
        <translation>Identificación: no hay ninguna decisión registrada. Solo una persona decide esto.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="331"/>
        <source>Identification: {decision} — decided by {name} on {date}.</source>
        <translation>Identificación: {decision} — decidido por {name} el {date}.</translation>
    </message>
</context>
<context>
    <name>SessionsPanel</name>
    <message>
        <location filename="../person/session_form.py" line="1581"/>
        <source>PDF saved (protected with its password)</source>
        <translation>PDF guardado (protegido con su contraseña)</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1583"/>
        <source>PDF saved (not protected by a password)</source>
        <translation>PDF guardado (sin contraseña)</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1588"/>
        <source>The PDF could not be saved there. Please choose another folder.</source>
        <translation>No se pudo guardar el PDF ahí. Elija otra carpeta.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../quick_unlock.py" line="31"/>
        <location filename="../settings_dialog.py" line="56"/>
        <source>Your office has turned quick unlock off, so the passphrase is always needed.</source>
        <extracomment>vault id -&gt; when &quot;Not today&quot; stops counting (the end of that working day).
----------
Set by the office, not by the person at this computer: shown through their effect, never as a control. Sensible bounds for number settings (the declarations give a type and a default, not a range).</extracomment>
        <translation>Su oficina desactivó el desbloqueo rápido, así que siempre hace falta la frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Your office sets these for every computer enrolled with it, so they cannot be changed here.</source>
        <translation>Su oficina fija estas opciones para todos los equipos inscritos con ella, así que no se pueden cambiar aquí.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="62"/>
        <source>Your office asks that the vault lock after at most {limit}; you may choose a shorter time.</source>
        <translation>Su oficina pide que la bóveda se bloquee después de {limit} como máximo; puede elegir un tiempo más corto.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="65"/>
        <source>A release&apos;s first and last days are counted in the office&apos;s time zone: {zone}.</source>
        <translation>El primer y el último día de una autorización se cuentan en la zona horaria de la oficina: {zone}.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="73"/>
        <source>Immediately</source>
        <translation>De inmediato</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="91"/>
        <source>System default</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="125"/>
        <location filename="../settings_dialog.py" line="140"/>
        <location filename="../settings_dialog.py" line="146"/>
        <source>Settings</source>
        <extracomment>How each setting&apos;s choices read, by key; anything else shows its value.</extracomment>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="175"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="176"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="238"/>
        <source>Set by your office</source>
        <translation>Fijado por su oficina</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="250"/>
        <source>UTC (your office has not chosen one)</source>
        <translation>UTC (su oficina no ha elegido una)</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../person/share.py" line="41"/>
        <source>Share with the prosecution</source>
        <translation>Compartir con la fiscalía</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="42"/>
        <source>Share only what the person agreed to, under their release. Tick the facts to share; you will see exactly what goes before anything is saved.</source>
        <translation>Comparta solo lo que la persona aceptó, con su autorización. Marque los datos que va a compartir; verá exactamente lo que se envía antes de que se guarde nada.</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="86"/>
        <source>Why nothing can be shared</source>
        <translation>Por qué no se puede compartir nada</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="92"/>
        <source>Release to share under</source>
        <translation>Autorización con la que se comparte</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="93"/>
        <source>Release to share under choices</source>
        <translation>Opciones de autorización con la que se comparte</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="98"/>
        <source>&amp;Release</source>
        <translation>&amp;Autorización</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="101"/>
        <source>About the chosen release</source>
        <translation>Sobre la autorización elegida</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="102"/>
        <source>Facts the release covers</source>
        <translation>Datos que cubre la autorización</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="107"/>
        <source>Facts to share</source>
        <translation>Datos para compartir</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="113"/>
        <source>Covered, but nothing recorded</source>
        <translation>Cubierto, pero sin nada registrado</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="115"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="116"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="116"/>
        <source>Cancel sharing</source>
        <translation>Cancelar el envío</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="118"/>
        <source>Review what will be shared…</source>
        <translation>Revisar lo que se va a compartir…</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="118"/>
        <source>Review what will be shared</source>
        <translation>Revisar lo que se va a compartir</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="152"/>
        <source>Before anything is saved: this is exactly what will go</source>
        <translation>Antes de guardar nada: esto es exactamente lo que se enviará</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="158"/>
        <source>What will be shared</source>
        <translation>Lo que se va a compartir</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="169"/>
        <source>What will be shared, to read</source>
        <translation>Lo que se va a compartir, para leer</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="172"/>
        <source>Problem with the share</source>
        <translation>Problema con el envío</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="173"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="173"/>
        <source>Back to the facts</source>
        <translation>Volver a los datos</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="174"/>
        <source>Share these facts</source>
        <translation>Compartir estos datos</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="193"/>
        <source>Reading the person&apos;s releases…</source>
        <translation>Leyendo las autorizaciones de la persona…</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="207"/>
        <source>There is no release to share under.</source>
        <translation>No hay una autorización con la que compartir.</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="214"/>
        <location filename="../person/share.py" line="215"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="254"/>
        <source>The releases could not be read. {reason}</source>
        <translation>No se pudieron leer las autorizaciones. {reason}</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="276"/>
        <source>Chosen: {release}</source>
        <translation>Elegida: {release}</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="279"/>
        <source>Purpose: {purpose}. It covers {covered}, goes to {team} and is in effect until {day}.</source>
        <translation>Propósito: {purpose}. Cubre {covered}, va a {team} y está vigente hasta el {day}.</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="302"/>
        <source>The release also covers {kinds}, but nothing of that is recorded here to share.</source>
        <translation>La autorización también cubre {kinds}, pero no hay nada de eso registrado aquí para compartir.</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="312"/>
        <source>Nothing this release covers is recorded for the person yet, so there is nothing to share under it.</source>
        <translation>Todavía no hay nada registrado de la persona que cubra esta autorización, así que no hay nada que compartir con ella.</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="328"/>
        <source>Please tick at least one fact the person agreed to share.</source>
        <translation>Marque por lo menos un dato que la persona aceptó compartir, por favor.</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="378"/>
        <source>Nothing was shared. {reason}</source>
        <translation>No se compartió nada. {reason}</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="387"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location filename="../person/share.py" line="390"/>
        <source>{items} and {last}</source>
        <translation>{items} y {last}</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <location filename="../sync_dialogs.py" line="840"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="843"/>
        <source>Sync now: send your changes to the office and receive theirs (Ctrl+Shift+Y)</source>
        <translation>Sincronizar ahora: enviar sus cambios a la oficina y recibir los suyos (Ctrl+Mayús+Y)</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="846"/>
        <source>Changes that need a &amp;decision…</source>
        <translation>Cambios que necesitan una &amp;decisión…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="848"/>
        <source>&amp;Not accepted by the office…</source>
        <translation>&amp;No aceptado por la oficina…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="850"/>
        <source>&amp;Enroll this computer…</source>
        <translation>&amp;Inscribir este equipo…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="852"/>
        <source>&amp;Office</source>
        <translation>&amp;Oficina</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="863"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="864"/>
        <location filename="../sync_dialogs.py" line="869"/>
        <source>Sync reminder</source>
        <translation>Recordatorio de sincronización</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="919"/>
        <source>This computer holds changes not synced with your office for {days} days. When you are on the office network, press Sync now.</source>
        <translation>Este equipo tiene cambios sin sincronizar con su oficina desde hace {days} días. Cuando esté en la red de la oficina, pulse Sincronizar ahora.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="997"/>
        <source>The person you had open is no longer on this computer after the sync; the sync summary says why.</source>
        <translation>La persona que tenía abierta ya no está en este equipo después de la sincronización; el resumen de la sincronización explica por qué.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="299"/>
        <location filename="../sync_dialogs.py" line="300"/>
        <source>Sync with the office</source>
        <translation>Sincronizar con la oficina</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="310"/>
        <source>Getting ready…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="311"/>
        <source>Sync details</source>
        <translation>Detalles de la sincronización</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="317"/>
        <source>Sync step</source>
        <translation>Paso de la sincronización</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="319"/>
        <source>Sync progress</source>
        <translation>Avance de la sincronización</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="341"/>
        <location filename="../sync_dialogs.py" line="356"/>
        <location filename="../sync_dialogs.py" line="409"/>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="342"/>
        <source>Decide now…</source>
        <translation>Decidir ahora…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="342"/>
        <source>Decide now</source>
        <translation>Decidir ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="344"/>
        <source>See what was not accepted…</source>
        <translation>Ver lo que no se aceptó…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="344"/>
        <source>See what the office did not accept</source>
        <translation>Ver lo que la oficina no aceptó</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="346"/>
        <location filename="../sync_dialogs.py" line="383"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="346"/>
        <source>Stop sync</source>
        <translation>Detener la sincronización</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="347"/>
        <location filename="../sync_dialogs.py" line="409"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="394"/>
        <source>Ready to sync with your office</source>
        <translation>Todo listo para sincronizar con su oficina</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="395"/>
        <source>Office server: {server}</source>
        <translation>Servidor de la oficina: {server}</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="397"/>
        <source>To send from this computer: {what}.</source>
        <translation>Para enviar desde este equipo: {what}.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="399"/>
        <source>Nothing new to send from this computer. Sync will bring your office&apos;s changes here.</source>
        <translation>No hay nada nuevo que enviar desde este equipo. La sincronización traerá aquí los cambios de su oficina.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="402"/>
        <source>Some of it is shared with another team, under these consents:</source>
        <translation>Una parte se comparte con otro equipo de trabajo, con estos consentimientos:</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="405"/>
        <source>Nothing in it is shared outside your team.</source>
        <translation>Nada de esto se comparte fuera de su equipo de trabajo.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="407"/>
        <source>Editing waits while the sync runs. You can stop it at any time; nothing is lost.</source>
        <translation>Mientras dura la sincronización, la edición espera. Puede detenerla en cualquier momento; no se pierde nada.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="420"/>
        <source>Syncing with your office…</source>
        <translation>Sincronizando con su oficina…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="422"/>
        <source>Please keep Offramp open. Editing waits until the sync has finished; stopping loses nothing.</source>
        <translation>Mantenga Offramp abierto, por favor. La edición espera hasta que termine la sincronización; detenerla no hace perder nada.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="424"/>
        <source>Starting</source>
        <translation>Empezando</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="439"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="440"/>
        <source>Stopping after the step under way…</source>
        <translation>Se detendrá después del paso en curso…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="451"/>
        <source>Sync finished</source>
        <translation>Sincronización terminada</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="456"/>
        <location filename="../sync_dialogs.py" line="492"/>
        <location filename="../sync_dialogs.py" line="496"/>
        <location filename="../sync_dialogs.py" line="505"/>
        <location filename="../sync_dialogs.py" line="511"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="487"/>
        <source>Something went wrong during the sync. Nothing was lost; please try again.</source>
        <translation>Algo salió mal durante la sincronización. No se perdió nada; inténtelo de nuevo, por favor.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="490"/>
        <source>Sync stopped</source>
        <translation>Sincronización detenida</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="492"/>
        <source>Carry on syncing</source>
        <translation>Seguir sincronizando</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="494"/>
        <source>The connection was lost</source>
        <translation>Se perdió la conexión</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="496"/>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="498"/>
        <source>This computer is not enrolled yet</source>
        <translation>Este equipo todavía no está inscrito</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="501"/>
        <source>Ask your office admin for an enrollment sheet, then choose Office → Enroll this computer… to connect it. Your work stays safe on this computer until then.</source>
        <translation>Pida una hoja de inscripción a la persona que administra Offramp en su oficina y luego elija Oficina → Inscribir este equipo… para conectarlo. Hasta entonces, su trabajo queda a salvo en este equipo.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="508"/>
        <source>The sync did not go through</source>
        <translation>La sincronización no se completó</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="508"/>
        <source>Sync cannot start</source>
        <translation>La sincronización no puede empezar</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <location filename="../sync_dialogs.py" line="544"/>
        <source>Sent to the office: 1 change.</source>
        <translation>Enviado a la oficina: 1 cambio.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_dialogs.py" line="546"/>
        <source>Sent to the office: %n changes.</source>
        <translation>
            <numerusform>Enviado a la oficina: %n cambio.</numerusform>
            <numerusform>Enviado a la oficina: %n cambios.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="547"/>
        <source>Received from the office: 1 record.</source>
        <translation>Recibido de la oficina: 1 registro.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_dialogs.py" line="549"/>
        <source>Received from the office: %n records.</source>
        <translation>
            <numerusform>Recibido de la oficina: %n registro.</numerusform>
            <numerusform>Recibido de la oficina: %n registros.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="550"/>
        <source>Merged with a colleague&apos;s changes: 1 record.</source>
        <translation>Combinado con los cambios de un colega: 1 registro.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_dialogs.py" line="552"/>
        <source>Merged with a colleague&apos;s changes: %n records.</source>
        <translation>
            <numerusform>Combinado con los cambios de un colega: %n registro.</numerusform>
            <numerusform>Combinado con los cambios de un colega: %n registros.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="556"/>
        <source>Needs your decision: 1 change two people made differently. Nothing is lost until you decide.</source>
        <translation>Necesita su decisión: 1 cambio que dos personas hicieron de forma distinta. No se pierde nada hasta que usted decida.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_dialogs.py" line="561"/>
        <source>Needs your decision: %n changes two people made differently. Nothing is lost until you decide.</source>
        <translation>
            <numerusform>Necesita su decisión: %n cambio que dos personas hicieron de forma distinta. No se pierde nada hasta que usted decida.</numerusform>
            <numerusform>Necesitan su decisión: %n cambios que dos personas hicieron de forma distinta. No se pierde nada hasta que usted decida.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="567"/>
        <source>Needs your decision: nothing.</source>
        <translation>Necesita su decisión: nada.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="569"/>
        <source>Removed from this computer (the office keeps them):</source>
        <translation>Quitado de este equipo (la oficina lo conserva):</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="572"/>
        <source>Removed from this computer: nothing.</source>
        <translation>Quitado de este equipo: nada.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="576"/>
        <source>Not accepted by the office: your work on 1 record. Nothing you wrote is lost: your copy is kept on this computer, with the reason and what you can do, under Office → Not accepted by the office.</source>
        <translation>No aceptado por la oficina: su trabajo en 1 registro. No se pierde nada de lo que escribió: su copia se guarda en este equipo, con el motivo y lo que puede hacer, en Oficina → No aceptado por la oficina.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_dialogs.py" line="583"/>
        <source>Not accepted by the office: your work on %n records. Nothing you wrote is lost: your copy is kept on this computer, with the reason and what you can do, under Office → Not accepted by the office.</source>
        <translation>
            <numerusform>No aceptado por la oficina: su trabajo en %n registro. No se pierde nada de lo que escribió: su copia se guarda en este equipo, con el motivo y lo que puede hacer, en Oficina → No aceptado por la oficina.</numerusform>
            <numerusform>No aceptado por la oficina: su trabajo en %n registros. No se pierde nada de lo que escribió: su copia se guarda en este equipo, con el motivo y lo que puede hacer, en Oficina → No aceptado por la oficina.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="592"/>
        <source>Waiting here: 1 change to a record whose link the office does not have yet. It stays on this computer and goes again with your next sync.</source>
        <translation>En espera aquí: 1 cambio a un registro cuyo vínculo la oficina todavía no tiene. Se queda en este equipo y vuelve a enviarse con su próxima sincronización.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_dialogs.py" line="599"/>
        <source>Waiting here: %n changes to a record whose links the office does not have yet. They stay on this computer and go again with your next sync.</source>
        <translation>
            <numerusform>En espera aquí: %n cambio a un registro cuyo vínculo la oficina todavía no tiene. Se queda en este equipo y vuelve a enviarse con su próxima sincronización.</numerusform>
            <numerusform>En espera aquí: %n cambios a un registro cuyos vínculos la oficina todavía no tiene. Se quedan en este equipo y vuelven a enviarse con su próxima sincronización.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="607"/>
        <source>Changes that need a decision could not be checked this time: {problem}</source>
        <translation>Esta vez no se pudieron comprobar los cambios que necesitan una decisión: {problem}</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../templates_dialog.py" line="47"/>
        <source>Imported “{title}” (version {version}).</source>
        <extracomment>A template file larger than this is not a template. What an import did, as a whole sentence each (the title and version in place).</extracomment>
        <translation>Se importó «{title}» (versión {version}).</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="48"/>
        <source>Replaced the earlier, unused copy of “{title}” (version {version}).</source>
        <translation>Se reemplazó la copia anterior, sin usar, de «{title}» (versión {version}).</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="51"/>
        <source>Already here, unchanged: “{title}” (version {version}).</source>
        <translation>Ya estaba aquí, sin cambios: «{title}» (versión {version}).</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="55"/>
        <source>That file is too large to be a template. Please choose the .toml file.</source>
        <extracomment>Why a file was refused before it was read as a template or as charge rules, a whole sentence for each kind.</extracomment>
        <translation>Ese archivo es demasiado grande para ser una plantilla. Elija el archivo .toml, por favor.</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="58"/>
        <source>That file is too large to be a charge rules file. Please choose the .toml file.</source>
        <translation>Ese archivo es demasiado grande para ser un archivo de reglas de cargos. Elija el archivo .toml, por favor.</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="63"/>
        <source>That file is not a text template. Please choose the .toml file.</source>
        <translation>Ese archivo no es una plantilla de texto. Elija el archivo .toml, por favor.</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="64"/>
        <source>That file is not a text charge rules file. Please choose the .toml file.</source>
        <translation>Ese archivo no es un archivo de texto de reglas de cargos. Elija el archivo .toml, por favor.</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="105"/>
        <source>That file could not be read. Please check it is still there and try again.</source>
        <translation>No se pudo leer ese archivo. Compruebe que sigue ahí e inténtelo de nuevo, por favor.</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="152"/>
        <location filename="../templates_dialog.py" line="155"/>
        <source>Checklist and screening templates</source>
        <translation>Plantillas de listas de entrevista y de evaluación</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="158"/>
        <source>The example screening that comes with Offramp is only an example: import the validated tool your office is licensed to use. A version used by any record never changes; an edited template needs a new version number.</source>
        <translation>La evaluación de ejemplo que viene con Offramp es solo un ejemplo: importe la herramienta validada que su oficina tiene licencia para usar. Una versión usada por algún registro nunca cambia; una plantilla editada necesita un número de versión nuevo.</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="166"/>
        <source>Templates on this computer</source>
        <translation>Plantillas en este equipo</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="178"/>
        <source>Import result</source>
        <translation>Resultado de la importación</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="181"/>
        <source>Problems found in the file</source>
        <translation>Problemas encontrados en el archivo</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="186"/>
        <source>Import a template file…</source>
        <translation>Importar un archivo de plantilla…</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="186"/>
        <source>Import a template file</source>
        <translation>Importar un archivo de plantilla</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="188"/>
        <source>Charges that prompt “Consider a screening”</source>
        <translation>Cargos que sugieren «Considere una evaluación»</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="191"/>
        <source>When a person is the defendant on one of these charges, their page suggests a screening, once per matter. It is a prompt for you, never a label on the person. Import the office&apos;s own list: the same id with a new version replaces it, a new id adds to it.</source>
        <translation>Cuando una persona está acusada de uno de estos cargos, su página sugiere una evaluación, una vez por asunto. Es una sugerencia para usted, nunca una etiqueta sobre la persona. Importe la lista propia de la oficina: el mismo id con una versión nueva la reemplaza; un id nuevo se agrega a ella.</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="199"/>
        <source>Charge rules in force</source>
        <translation>Reglas de cargos vigentes</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="207"/>
        <source>Import charge rules…</source>
        <translation>Importar reglas de cargos…</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="207"/>
        <location filename="../templates_dialog.py" line="288"/>
        <source>Import charge rules</source>
        <translation>Importar reglas de cargos</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="209"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="260"/>
        <source>comes with Offramp</source>
        <translation>viene con Offramp</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="260"/>
        <source>imported by the office</source>
        <translation>importada por la oficina</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="261"/>
        <source>1 kind of charge</source>
        <translation>1 tipo de cargo</translation>
    </message>
    <message numerus="yes">
        <location filename="../templates_dialog.py" line="261"/>
        <source>%n kinds of charge</source>
        <translation>
            <numerusform>%n tipo de cargo</numerusform>
            <numerusform>%n tipos de cargo</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="262"/>
        <source>{id} · version {version} · {kinds} · {origin}</source>
        <translation>{id} · versión {version} · {kinds} · {origin}</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="270"/>
        <source>Interview checklist</source>
        <translation>Lista de entrevista</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="270"/>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="272"/>
        <source>not used yet</source>
        <translation>todavía sin usar</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="274"/>
        <source>used by 1 record</source>
        <translation>usada por 1 registro</translation>
    </message>
    <message numerus="yes">
        <location filename="../templates_dialog.py" line="276"/>
        <source>used by %n records</source>
        <translation>
            <numerusform>usada por %n registro</numerusform>
            <numerusform>usada por %n registros</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="277"/>
        <source>{kind} · {id} · version {version} · {used}</source>
        <translation>{kind} · {id} · versión {version} · {used}</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="283"/>
        <source>Import a template</source>
        <translation>Importar una plantilla</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="283"/>
        <source>Templates (*.toml)</source>
        <translation>Plantillas (*.toml)</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="288"/>
        <source>Charge rules (*.toml)</source>
        <translation>Reglas de cargos (*.toml)</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="330"/>
        <source>Nothing was imported. 1 problem to fix in the file:</source>
        <translation>No se importó nada. Hay 1 problema que corregir en el archivo:</translation>
    </message>
    <message numerus="yes">
        <location filename="../templates_dialog.py" line="332"/>
        <source>Nothing was imported. %n problems to fix in the file:</source>
        <translation>
            <numerusform>No se importó nada. Hay %n problema que corregir en el archivo:</numerusform>
            <numerusform>No se importó nada. Hay %n problemas que corregir en el archivo:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="334"/>
        <source>Nothing was imported. {reason}</source>
        <translation>No se importó nada. {reason}</translation>
    </message>
    <message>
        <location filename="../templates_dialog.py" line="345"/>
        <source>That could not be done. Please try again.</source>
        <translation>No se pudo hacer. Inténtelo de nuevo, por favor.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../dashboard.py" line="97"/>
        <source>none</source>
        <extracomment>The order the headline numbers are asked for after the one in focus: the quickest to work out first (by their CPU time over 100,000 people), so the list fills in from the first second; 7 after 6, whose count it reuses.</extracomment>
        <translation>sin datos</translation>
    </message>
    <message numerus="yes">
        <location filename="../dashboard.py" line="102"/>
        <source>Trend over %n quarters. {shown}</source>
        <translation>
            <numerusform>Tendencia de %n trimestre. {shown}</numerusform>
            <numerusform>Tendencia de %n trimestres. {shown}</numerusform>
        </translation>
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
        <location filename="../unlock.py" line="271"/>
        <location filename="../unlock.py" line="295"/>
        <location filename="../unlock.py" line="401"/>
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
        <location filename="../unlock.py" line="327"/>
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
        <location filename="../unlock.py" line="265"/>
        <source>Your vault is locked. Type today&apos;s PIN to open it.</source>
        <translation>Su bóveda está bloqueada. Escriba el PIN de hoy para abrirla.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="306"/>
        <source>Locked at {time}. Everything is saved in the vault.</source>
        <translation>Bloqueada a las {time}. Todo está guardado en la bóveda.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="323"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../unlock.py" line="325"/>
        <source>Try again in %n s</source>
        <translation>
            <numerusform>Inténtelo de nuevo en %n s</numerusform>
            <numerusform>Inténtelo de nuevo en %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../unlock.py" line="350"/>
        <source>Please type your passphrase first.</source>
        <translation>Primero escriba su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="361"/>
        <source>Please type your PIN first.</source>
        <translation>Primero escriba su PIN.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="370"/>
        <source>Opening the vault…</source>
        <translation>Abriendo la bóveda…</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="420"/>
        <source>The vault could not be opened because of an unexpected problem. Nothing was changed. Please try again; if it keeps happening, ask your IT contact for help.</source>
        <translation>No se pudo abrir la bóveda por un problema inesperado. No se cambió nada. Inténtelo de nuevo; si sigue pasando, pida ayuda a su contacto de informática.</translation>
    </message>
    <message>
        <location filename="../unlock.py" line="446"/>
        <source>Part of the vault&apos;s database is damaged.</source>
        <translation>Una parte de la base de datos de la bóveda está dañada.</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../person/referrals.py" line="165"/>
        <source>Cancel</source>
        <extracomment>The person&apos;s safe-contact flags, so a way of contact they said is unsafe is named as soon as it is chosen. Shares with the prosecution are made from an advocate&apos;s vault only: elsewhere the button is not shown.</extracomment>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../person/referrals.py" line="165"/>
        <source>Cancel: {form}</source>
        <translation>Cancelar: {form}</translation>
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
        <location filename="../person/fields.py" line="38"/>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <location filename="../person/fields.py" line="39"/>
        <source>Not asked yet</source>
        <translation>Aún sin preguntar</translation>
    </message>
    <message>
        <location filename="../person/fields.py" line="132"/>
        <source>Yes</source>
        <extracomment>The widest (in pixels) a row of buttons or a form&apos;s columns lay themselves out: what fits beside the section list on a 1280-pixel-wide screen. Beyond it (large text) they take more rows instead of scrolling sideways. How many characters of a choice a closed drop-down shows before it shortens the text with an ellipsis. ... and at most this many pixels of letters: at twice the text size 28 characters of Spanish took 554 px, and a form of such choices no longer fitted beside the section list (it scrolled sideways, or cut the choices).</extracomment>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../person/fields.py" line="132"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../person/fields.py" line="144"/>
        <source>YYYY-MM-DD, or leave empty</source>
        <translation>AAAA-MM-DD, o dejar en blanco</translation>
    </message>
    <message>
        <location filename="../person/forms.py" line="110"/>
        <source> (required)</source>
        <translation> (obligatorio)</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1075"/>
        <source>Choose a decision</source>
        <translation>Elija una decisión</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1080"/>
        <source>Type (when identified)</source>
        <translation>Tipo (si se identificó)</translation>
    </message>
    <message>
        <location filename="../person/relief.py" line="87"/>
        <source>Not chosen yet</source>
        <translation>Todavía no se eligió</translation>
    </message>
    <message>
        <location filename="../person/justice.py" line="74"/>
        <source>Choose the person&apos;s role</source>
        <translation>Elija el papel de la persona</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="71"/>
        <source>Choose the form</source>
        <translation>Elija el formulario</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="89"/>
        <source>No justice matter chosen</source>
        <translation>Ningún asunto judicial elegido</translation>
    </message>
    <message>
        <location filename="../person/certifications.py" line="107"/>
        <source>Choose the decision</source>
        <translation>Elija la decisión</translation>
    </message>
</context>
<context>
    <name>recover</name>
    <message>
        <location filename="../recover_dialog.py" line="247"/>
        <source>Please choose a new passphrase.</source>
        <translation>Elija una frase de contraseña nueva.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="253"/>
        <source>The two new passphrases are not the same. Please type them again.</source>
        <translation>Las dos frases de contraseña nuevas no son iguales. Escríbalas de nuevo.</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="360"/>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <location filename="../recover_dialog.py" line="361"/>
        <source>Made before an update</source>
        <translation>Hecha antes de una actualización</translation>
    </message>
</context>
<context>
    <name>session_form</name>
    <message>
        <location filename="../person/session_form.py" line="119"/>
        <source>Interviews</source>
        <translation>Entrevistas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="120"/>
        <source>The before, during and after checklist for each conversation. Every answer is saved as you go; a session can be left partial or stopped whenever the person wants.</source>
        <translation>La lista de antes, durante y después de cada conversación. Cada respuesta se guarda al momento; una sesión puede quedar a medias o detenerse cuando la persona quiera.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="125"/>
        <source>Start an interview checklist</source>
        <translation>Empezar una lista de entrevista</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="126"/>
        <source>No interviews recorded yet.</source>
        <translation>Todavía no hay entrevistas registradas.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="127"/>
        <source>All interviews</source>
        <translation>Todas las entrevistas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="128"/>
        <source>Interviews recorded</source>
        <translation>Entrevistas registradas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="134"/>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="135"/>
        <source>A screening never decides anything about the person. It helps you see whether to talk more or offer help; every answer the person declines is recorded as declined, never as “no”.</source>
        <translation>Una evaluación nunca decide nada sobre la persona. Le ayuda a ver si conviene hablar más u ofrecer ayuda; cada respuesta que la persona prefiere no dar se registra así, nunca como “no”.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="140"/>
        <source>Start a screening</source>
        <translation>Empezar una evaluación</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="141"/>
        <source>No screenings recorded yet.</source>
        <translation>Todavía no hay evaluaciones registradas.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="142"/>
        <source>All screenings</source>
        <translation>Todas las evaluaciones</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="143"/>
        <source>Screenings recorded</source>
        <translation>Evaluaciones registradas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="170"/>
        <source>That could not be saved. Please try again; nothing you typed was lost.</source>
        <translation>No se pudo guardar. Inténtelo de nuevo; no se perdió nada de lo que escribió.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="179"/>
        <source>Type the answer · Alt+N note · Page Down next · Page Up previous</source>
        <translation>Escriba la respuesta · Alt+N nota · Av Pág siguiente · Re Pág anterior</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="184"/>
        <source>Keys: 1 chooses the answer · Alt+N note · Page Down next · Page Up previous</source>
        <translation>Teclas: 1 para elegir la respuesta · Alt+N nota · Av Pág siguiente · Re Pág anterior</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="188"/>
        <source>Keys: 1–{last} choose an answer · Alt+N note · Page Down next · Page Up previous</source>
        <translation>Teclas: 1–{last} para elegir una respuesta · Alt+N nota · Av Pág siguiente · Re Pág anterior</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="195"/>
        <location filename="../person/session_form.py" line="843"/>
        <source>Not finished</source>
        <translation>Sin terminar</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="197"/>
        <source>{answered} of {total} answered</source>
        <translation>{answered} de {total} respondidas</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1322"/>
        <source>A screening is not a determination. It helps decide whether to talk more or to offer help.</source>
        <translation>Una evaluación no es una determinación. Ayuda a decidir si conviene hablar más u ofrecer ayuda.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1325"/>
        <source>Said “yes” to:</source>
        <translation>Respondió “sí” a:</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1326"/>
        <source>No “yes” answers.</source>
        <translation>Ninguna respuesta “sí”.</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1352"/>
        <source>Suggested next steps</source>
        <translation>Próximos pasos sugeridos</translation>
    </message>
    <message>
        <location filename="../person/session_form.py" line="1356"/>
        <source>No next steps are suggested by this template’s rules.</source>
        <translation>Las reglas de esta plantilla no sugieren próximos pasos.</translation>
    </message>
</context>
<context>
    <name>tables</name>
    <message>
        <location filename="../person/tables.py" line="125"/>
        <source>{table} column headings</source>
        <translation>Encabezados de columna de {table}</translation>
    </message>
    <message>
        <location filename="../person/tables.py" line="127"/>
        <source>{table} select all</source>
        <translation>Seleccionar todo en {table}</translation>
    </message>
</context>
</TS>
