<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="+48" />
        <source>About Offramp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Offramp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>For advocates and prosecutors working alongside people who have left trafficking and exploitation. Everything is kept encrypted on this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+21" />
        <location line="+7" />
        <source>Data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>The vault, its key file and its backups are in this folder. Nothing in it is readable without your passphrase.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <location line="+1" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CalmDialog</name>
    <message>
        <location filename="../recover_dialog.py" line="+98" />
        <source>Working</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../caseload.py" line="+73" />
        <source>Name</source>
        <extracomment>How many people match the current search (after the first page of a new search arrives). A query failed; the text is one human sentence.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Pronouns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Languages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Not yet synced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+29" />
        <source>Changed on this computer and not yet sent to the office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+120" />
        <source>The list could not be loaded. Please try again, or lock and unlock the vault.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location line="+32" />
        <source>&amp;My people</source>
        <extracomment>A person was chosen (Enter or double-click); carries their id. "Add a new person" from an empty caseload or an empty search; carries the name searched for, if any.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Show only my people</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Follow-up due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Show only people with a referral follow-up due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Deadline this &amp;week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Show only people with a deadline this week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Within the next 7 days: a record-relief deadline, a certification request to decide, or the last day USCIS accepts a signed U-visa certification</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Not yet synced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Show only people with changes not yet sent to the office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Charged, not yet screened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Show only people charged with an offense often linked to exploitation and not yet screened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Defendants on a charge your office's rules list, with no screening since that arrest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>Search by name or other name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Search people</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>The list narrows as you type. Press Down to move into it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Clear search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <location line="+1" />
        <location line="+186" />
        <source>Add a new person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-179" />
        <location line="+92" />
        <location line="+6" />
        <location line="+24" />
        <location line="+18" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-136" />
        <source>People</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Your caseload. Use the arrow keys to move through it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>Select all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Row numbers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Column headings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+23" />
        <source>Show:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+36" />
        <source>Find a person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+78" />
        <source>No one matches that search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>No one matches these filters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>No people in this vault yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>1 person found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>1 person</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%Ln people found</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%Ln people</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>No one called “%1” — add a new person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Starts a new person with the name you searched for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Starts the short form for someone new</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <location line="+1" />
        <source>Number of people</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="+144" />
        <location line="+30" />
        <source>Enroll this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-29" />
        <source>Enroll this computer with the office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Enroll this computer with your office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Your office admin gives you an enrollment sheet. Type or paste what it says below. Spaces and capital letters in the fingerprint do not matter. Nothing is sent until the office server proves it is the one on the sheet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>Server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>One-time code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>four groups of four</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Fingerprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>13 groups of four letters and digits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Your passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>What happened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+23" />
        <source>Please type the server address from the sheet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Please type the one-time code from the sheet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Please type the fingerprint from the sheet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Please type your passphrase, the one you unlock Offramp with.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>Checking the office server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+19" />
        <source>This computer is enrolled with {office} as {user} ({team}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <source>{n} records already here will go to the office at your next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>{n} demo records stay on this computer: they are fictional practice records and never go to the office.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Nothing syncs by itself: press Sync now when you want to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <location line="+1" />
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>That passphrase is not the one this vault opens with. Nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Something went wrong while enrolling, and nothing was changed. Please try again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../first_run.py" line="+132" />
        <source>Back</source>
        <extracomment>The file name offered when saving the sheet: nothing about the person or the office. How many groups of the code are typed back to show it was written down. The text column takes all the width it may have (up to its maximum); the margins on either side share the rest. The UnlockedVault, at the end. None only in the rare case that the new vault was created but did not open again; the vault exists then and the unlock page should be shown.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <location line="+719" />
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-603" />
        <source>Welcome to Offramp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Offramp keeps your notes, contacts, safety plans and deadlines for the people you work with. Everything stays on this computer, in a vault that is encrypted and opens only with your passphrase.

Setting it up takes a few minutes: you will choose a passphrase and write down a recovery code, so please have a pen and paper ready.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+15" />
        <source>Choose a passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>A few unrelated words are easy to remember and hard to guess; avoid names, dates and anything about you. No one can reset this passphrase, not IT staff and not the makers of Offramp. Only the recovery code you will get in a moment opens the vault without it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+8" />
        <location line="+99" />
        <source>&amp;Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-98" />
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Type it &amp;again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Type the passphrase again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <location line="+96" />
        <source>&amp;Show the passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-95" />
        <location line="+96" />
        <source>Show the passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-90" />
        <source>Passphrase strength</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+40" />
        <source>Both match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>It starts or ends with a space; that space is part of the passphrase.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>The two do not match yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <source>Strength: nothing typed yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Strength: {label}. {hint}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+19" />
        <source>Type it once more, from memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>This is practice for the lock screen you will see every day. Type your passphrase once more without looking at anything. Nothing has been created yet, so if it does not come back to you, you can go back and choose another.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>Passphrase, from memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+20" />
        <source>Please type your passphrase first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <source>That is not quite the passphrase you chose. Take your time and try again, or press Back to choose one that is easier to remember.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+12" />
        <source>Creating your vault</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>This takes a few seconds. Offramp measures this computer so that anyone trying to guess your passphrase would have to go very slowly.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>Creating the vault</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+17" />
        <source>Creating the encrypted vault…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+19" />
        <source>Checking that your passphrase opens it…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+26" />
        <source>The vault could not be created. {reason} Press Back to try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Something unexpected went wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+11" />
        <source>Your vault was created, but opening it again did not work. {reason} Your recovery code is on the next page; please write it down before going on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+11" />
        <source>Your recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>If you ever forget your passphrase, this code is the only way into your vault. It is shown only this once. Please write it down now, or save or print it, and keep it away from this computer, for example in a locked drawer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>Recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+8" />
        <location line="+7" />
        <location line="+56" />
        <source>Group {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-29" />
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>A saved file is best kept off this computer, for example on a USB stick in that drawer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+32" />
        <source>Save the recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+12" />
        <source>The file could not be saved there. Please choose another place, such as a USB stick.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Saved as “{name}”. Please move it off this computer when you can.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>Print the recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>Sent to the printer. Please collect the page straight away.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Check your copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>To make sure the code was written down correctly, please type two of its groups from your copy. Capital or small letters and spaces do not matter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+14" />
        <location line="+1" />
        <source>Group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+30" />
        <source>Group {n} does not match the code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Those groups do not match the code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>That happens. Press Back to look at the code again and compare it with your copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>When should Offramp lock itself?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>When you step away, Offramp locks the vault so no one else can read it, and keeps anything you were typing. You open it again with your passphrase. “Immediately” locks as soon as you switch to another window.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Lock after I have been away for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Lock after I have been away for</source>
        <translation>Bloquear cuando me haya ausentado durante</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock time choices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+20" />
        <source>Immediately</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>1 hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>{n} hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>1 minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>{n} minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+65" />
        <source>Step {n} of {total}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+30" />
        <source>Get started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Create my vault</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>See my recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Finish</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+154" />
        <source>Offramp</source>
        <extracomment>Quick exit has hidden the window and the vault is closed; the app connects this to quitting.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+102" />
        <source>&amp;Lock</source>
        <extracomment>Typing the lock could not save (a full disk): kept here, in memory only, until the next unlock.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Lock the vault; unlocking needs the passphrase again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Quick e&amp;xit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Quick exit: hide Offramp at once and lock it (Ctrl+Shift+X, or press Escape twice)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>&amp;About Offramp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Provider directory…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Follow-ups due…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Outcome &amp;measures…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Templates…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Vault</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+12" />
        <source>&amp;New person…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Add someone new, after checking they are not already here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Certification &amp;register…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Every U- and T-visa certification request still open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Shared by &amp;advocates…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Facts advocates shared with your team, to link to your people</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>Safety</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Safety tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>People</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>People tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>New person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Add a new person (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+18" />
        <source>Vault encrypted on this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>No vault in this folder yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+79" />
        <source>The vault opened but could not be read. It has been locked again; please try once more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+52" />
        <source>Your unsaved typing is back where you left it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+58" />
        <source>The disk is full, so what you were typing could not be saved into the vault. Offramp keeps it until you unlock again and puts it back; free some space on this computer before closing Offramp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>What you were typing could not be saved into the vault. Offramp keeps it until you unlock again and puts it back; please do not close Offramp before that.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+16" />
        <source>Locked because no one was using Offramp for a while.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Locked because the computer's screen locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+126" />
        <source>Shared by advocates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Facts advocates shared with your team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+47" />
        <source>The share is linked: it shows under Shared by the advocate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>The share could not be linked.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="+324" />
        <location line="+1" />
        <source>Changes that need a decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Changes that need your decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Two people changed the same thing differently while apart. Every version is kept until you choose. Pick the one to keep, or write one that combines them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+8" />
        <source>Changes to decide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>What happened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Send my decisions now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Send decisions now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Keep my choice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Keep the chosen value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+21" />
        <source>a record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+12" />
        <source>Nothing waits for a decision.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Nothing to decide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+13" />
        <source>A record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>This record was deleted on one computer while it was being changed on another. The change is kept at the office.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <location line="+1" />
        <source>Keep it as the office has it now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>Someone decided this differently, or it was changed after a decision was made. Nothing was replaced: every version is here for you to choose again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Decided differently</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>It started as: {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Started as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>on this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>on another computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Keep this version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Keep version {n}: {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Version {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <source>{who}'s decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Who and when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>This is what your records show now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <location line="+1" />
        <source>Write a combined version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Combined version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>A proposed combination of both versions; change it as you need.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+31" />
        <source>Decided. Your choice is saved here and goes to the office with your next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+14" />
        <source>That could not be saved, and nothing was changed. Please try again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotAcceptedDialog</name>
    <message>
        <location filename="../not_accepted.py" line="+85" />
        <location line="+1" />
        <location line="+3" />
        <source>Not accepted by the office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Heading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>The office could not take these, usually because something changed at the office while you were working offline. Nothing you wrote is lost: it is kept here, on this computer only, until you discard it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>About this list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Work not accepted by the office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>Discard it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Keep it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>What happened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Discard…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Discard this item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Copy what I wrote</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+38" />
        <source>Nothing here: the office took everything you sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Nothing here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+16" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Why: {why}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>What you can do: {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>What you can do</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <location line="+3" />
        <source>What you wrote</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+19" />
        <source>Copied. Paste it where it belongs within a few seconds: Offramp clears the clipboard soon after.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>Discard “{title}” from this computer? What you wrote cannot be brought back here afterwards. Copy it first if you may still need it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+22" />
        <source>Discarded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+15" />
        <source>That did not work, and nothing was changed. Please try again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QuickUnlockDialog</name>
    <message>
        <location filename="../quick_unlock.py" line="+74" />
        <source>A PIN for the rest of today?</source>
        <extracomment>vault id -&gt; when "Not today" stops counting (the end of that working day).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>Until {time}, Offramp can open with a short PIN instead of your passphrase. Three wrong PINs, a quick exit or the end of the day turn it off; then your passphrase is needed again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>&amp;PIN ({low} to {high} digits)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>PIN &amp;again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>PIN again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Use this PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Not today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+32" />
        <source>The two PINs are not the same. Please type them again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Setting up the PIN…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+25" />
        <location line="+1" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../recover_dialog.py" line="+165" />
        <source>Open the vault with your recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>Type the recovery code from the sheet you printed when this vault was made. Spaces, dashes and small letters are fine. Then choose a new passphrase: the old one stops working.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>Recovery &amp;code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>&amp;New passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>New passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Passphrase strength</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>New passphrase &amp;again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>New passphrase again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Open the vault</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+15" />
        <source>Strength: {label}. {hint}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+19" />
        <source>Opening the vault with the recovery code…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+22" />
        <source>The recovery code cannot mend the database; a backup can.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location line="+59" />
        <source>Restore the vault from a backup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>Choose a backup. It takes the place of the vault on this computer; the vault's current files are moved into a folder beside it, never deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Backups, newest first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Backups, newest first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <source>Choose another file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Choose another backup file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Passphrase the vault had when the backup was made</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Recovery &amp;code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>New passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>New passphrase &amp;again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>New passphrase again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <location line="+93" />
        <source>Use my recovery code instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-83" />
        <location line="+167" />
        <source>Restore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-167" />
        <location line="+168" />
        <source>Restore this backup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-167" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Open my vault</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+29" />
        <source>No backups were found in {folder}. Choose the file if it is somewhere else.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+20" />
        <source>Choose an Offramp backup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Offramp backups (*{suffix});;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+30" />
        <source>Use the passphrase instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+15" />
        <source>Please choose a backup first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+16" />
        <source>Please type the passphrase the vault had when the backup was made.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+16" />
        <source>Checking the backup and putting it in place…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+27" />
        <source>{question} Choose “Replace this vault” to go on, or Cancel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Replace this vault</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Replace this vault with the other vault's backup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+24" />
        <source>The backup is back in place</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>The vault is open again. The files it replaced were kept, not deleted, in this folder:

{folder}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>The vault is open again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+13" />
        <source>The backup was put in place, but the vault did not open: {problem}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="+52" />
        <source>Your office has turned quick unlock off, so the passphrase is always needed.</source>
        <extracomment>Set by the office, not by the person at this computer: shown through their effect, never as a control. Sensible bounds for number settings (the declarations give a type and a default, not a range).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Your office sets these for every computer enrolled with it, so they cannot be changed here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Your office asks that the vault lock after at most {limit}; you may choose a shorter time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>A release's first and last days are counted in the office's time zone: {zone}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+8" />
        <source>Immediately</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+18" />
        <source>System default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+34" />
        <location line="+11" />
        <source>Settings</source>
        <extracomment>How each setting's choices read, by key; anything else shows its value.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+44" />
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+26" />
        <source>Set by your office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+26" />
        <source>UTC (your office has not chosen one)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <location filename="../sync_dialogs.py" line="+20" />
        <source>&amp;Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Sync now: send your changes to the office and receive theirs (Ctrl+Shift+Y)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Changes that need a &amp;decision…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Not accepted by the office…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Enroll this computer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+11" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <location line="+5" />
        <source>Sync reminder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+50" />
        <source>This computer holds changes not synced with your office for {days} days. When you are on the office network, press Sync now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+78" />
        <source>The person you had open is no longer on this computer after the sync; the sync summary says why.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location line="-675" />
        <location line="+1" />
        <source>Sync with the office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>Getting ready…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Sync details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>Sync step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Sync progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+13" />
        <location line="+15" />
        <location line="+53" />
        <source>Not now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-67" />
        <source>Decide now…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Decide now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>See what was not accepted…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>See what the office did not accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <location line="+37" />
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-37" />
        <source>Stop sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <location line="+62" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-15" />
        <source>Ready to sync with your office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Office server: {server}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>To send from this computer: {what}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Nothing new to send from this computer. Sync will bring your office's changes here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Some of it is shared with another team, under these consents:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Nothing in it is shared outside your team.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Editing waits while the sync runs. You can stop it at any time; nothing is lost.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+13" />
        <source>Syncing with your office…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Please keep Offramp open. Editing waits until the sync has finished; stopping loses nothing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Starting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+15" />
        <source>Stopping…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Stopping after the step under way…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+11" />
        <source>Sync finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <location line="+36" />
        <location line="+4" />
        <location line="+9" />
        <location line="+6" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-24" />
        <source>Something went wrong during the sync. Nothing was lost; please try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Sync stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Carry on syncing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>The connection was lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>This computer is not enrolled yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Ask your office admin for an enrollment sheet, then choose Office → Enroll this computer… to connect it. Your work stays safe on this computer until then.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+7" />
        <source>The sync did not go through</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+0" />
        <source>Sync cannot start</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnexpectedProblemDialog</name>
    <message>
        <location filename="../errors.py" line="+123" />
        <source>Offramp</source>
        <extracomment>The app's words for a step that failed in a way nobody planned for. For an error nobody caught: the step stopped, but what was saved before is in the vault.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+15" />
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Close this message</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../unlock.py" line="+95" />
        <source>Offramp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <location line="+168" />
        <location line="+24" />
        <location line="+106" />
        <source>Your vault is locked. Type your passphrase to open it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-295" />
        <source>&amp;PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+8" />
        <location line="+1" />
        <location line="+196" />
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="-191" />
        <source>Use my passphrase instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <source>Opening the vault</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+14" />
        <source>Use my recovery code…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Use my recovery code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Restore the latest backup…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Restore the latest backup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>Demo vault: the passphrase is offramp demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+73" />
        <source>There is no vault in this folder. Start Offramp again to set one up, or create one with:

{command}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+23" />
        <source>Your vault is locked. Type today's PIN to open it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+41" />
        <source>Locked at {time}. Everything is saved in the vault.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+17" />
        <source>Unlocking…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Try again in %n s</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location line="+25" />
        <source>Please type your passphrase first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+11" />
        <source>Please type your PIN first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+9" />
        <source>Opening the vault…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+50" />
        <source>The vault could not be opened because of an unexpected problem. Nothing was changed. Please try again; if it keeps happening, ask your IT contact for help.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+26" />
        <source>Part of the vault's database is damaged.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>