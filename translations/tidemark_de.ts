<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge “%1”</source>
        <translation>„%1“ zusammenführen</translation>
    </message>
    <message>
        <source>%1 of “%2” was changed on %3 and on %4. Parts only one side changed are already taken from it; choose what to keep where both changed, or edit the Result.</source>
        <translation>%1 von „%2“ wurde auf %3 und auf %4 geändert. Was nur eine Seite geändert hat, ist schon übernommen; wählen Sie, was bleiben soll, wo beide geändert haben, oder bearbeiten Sie das Ergebnis.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Take Mine</source>
        <translation>Meine nehmen</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>Andere nehmen</translation>
    </message>
    <message>
        <source>Both, Mine First</source>
        <translation>Beide, meine zuerst</translation>
    </message>
    <message>
        <source>Both, Theirs First</source>
        <translation>Beide, andere zuerst</translation>
    </message>
    <message>
        <source>Show Base</source>
        <translation>Ausgangstext zeigen</translation>
    </message>
    <message>
        <source>The text as it was before either change</source>
        <translation>Der Text, wie er vor beiden Änderungen war</translation>
    </message>
    <message>
        <source>Base (before both changes)</source>
        <translation>Ausgangstext (vor beiden Änderungen)</translation>
    </message>
    <message>
        <source>Mine: %1</source>
        <translation>Meine: %1</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Theirs: %1</source>
        <translation>Andere: %1</translation>
    </message>
    <message>
        <source>Keep Both as Separate Items</source>
        <translation>Beide als eigene Einträge behalten</translation>
    </message>
    <message>
        <source>Keep this version here and save the other one as a new item</source>
        <translation>Diese Fassung hier behalten und die andere als neuen Eintrag speichern</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Auflösen</translation>
    </message>
    <message>
        <source>The two versions are the same.</source>
        <translation>Die beiden Fassungen sind gleich.</translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation>Teil %1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n to decide</source>
        <translation>
            <numerusform>%n zu entscheiden</numerusform>
            <numerusform>%n zu entscheiden</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the Result as the text, on every device</source>
        <translation>Das Ergebnis als Text speichern, auf jedem Gerät</translation>
    </message>
    <message>
        <source>Choose for every part both sides changed, or edit the Result</source>
        <translation>Wählen Sie für jeden Teil, den beide Seiten geändert haben, oder bearbeiten Sie das Ergebnis</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tidemark: offline-first notes and tasks.</source>
        <translation>Tidemark: Notizen und Aufgaben, die auch offline funktionieren.</translation>
    </message>
    <message>
        <source>Use the store at PATH.</source>
        <translation>Die Datenbank unter PATH verwenden.</translation>
    </message>
    <message>
        <source>Start with a new note.</source>
        <translation>Mit einer neuen Notiz starten.</translation>
    </message>
    <message>
        <source>Start with a new task.</source>
        <translation>Mit einer neuen Aufgabe starten.</translation>
    </message>
    <message>
        <source>Write a PNG of the main window to FILE once it is shown.</source>
        <translation>Ein PNG-Bild des Hauptfensters in FILE speichern, sobald es angezeigt wird.</translation>
    </message>
    <message>
        <source>Write PNGs of the main views into DIR, then quit.</source>
        <translation>PNG-Bilder der Hauptansichten in DIR speichern und dann beenden.</translation>
    </message>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
    <message>
        <source>Tidemark cannot open its notes at %1:
%2</source>
        <translation>Tidemark kann seine Notizen unter %1 nicht öffnen:
%2</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ItemDelegate</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MainWindow</name>
    <message>
        <source>New &amp;Note</source>
        <translation>Neue &amp;Notiz</translation>
    </message>
    <message>
        <source>New &amp;Task</source>
        <translation>Neue &amp;Aufgabe</translation>
    </message>
    <message>
        <source>New &amp;Collection…</source>
        <translation>Neue Samm&amp;lung…</translation>
    </message>
    <message>
        <source>&amp;Quick Entry…</source>
        <translation>&amp;Schnelleingabe…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Rename Collection…</source>
        <translation>Sammlung &amp;umbenennen…</translation>
    </message>
    <message>
        <source>Delete Co&amp;llection</source>
        <translation>Sa&amp;mmlung löschen</translation>
    </message>
    <message>
        <source>&amp;Move To…</source>
        <translation>&amp;Verschieben nach…</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>In den &amp;Papierkorb verschieben</translation>
    </message>
    <message>
        <source>R&amp;estore</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>Papierkorb &amp;leeren…</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;Anheften</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Go to &amp;Sidebar</source>
        <translation>Zur &amp;Seitenleiste wechseln</translation>
    </message>
    <message>
        <source>Go to &amp;List</source>
        <translation>Zur &amp;Liste wechseln</translation>
    </message>
    <message>
        <source>Go to &amp;Editor</source>
        <translation>Zum &amp;Editor wechseln</translation>
    </message>
    <message>
        <source>All Items</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Demnächst</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Tidemark</source>
        <translation>Ü&amp;ber Tidemark</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>the items could not be moved to the Trash</source>
        <translation>Die Einträge konnten nicht in den Papierkorb verschoben werden</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to the Trash</source>
        <translation>
            <numerusform>%n Eintrag in den Papierkorb verschoben</numerusform>
            <numerusform>%n Einträge in den Papierkorb verschoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) restored</source>
        <translation>
            <numerusform>%n Eintrag wiederhergestellt</numerusform>
            <numerusform>%n Einträge wiederhergestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message numerus="yes">
        <source>Erase the %n item(s) in the Trash from this computer? This cannot be undone.</source>
        <translation>
            <numerusform>%n Eintrag im Papierkorb endgültig von diesem Rechner löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Die %n Einträge im Papierkorb endgültig von diesem Rechner löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) erased</source>
        <translation>
            <numerusform>%n Eintrag endgültig gelöscht</numerusform>
            <numerusform>%n Einträge endgültig gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to %1</source>
        <translation>
            <numerusform>%n Eintrag nach %1 verschoben</numerusform>
            <numerusform>%n Einträge nach %1 verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>(No collection)</source>
        <translation>(Keine Sammlung)</translation>
    </message>
    <message>
        <source>Move To</source>
        <translation>Verschieben nach</translation>
    </message>
    <message>
        <source>Collection:</source>
        <translation>Sammlung:</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation>Sammlung umbenennen</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>Sammlung löschen</translation>
    </message>
    <message>
        <source>Delete this collection? Its notes and tasks stay, without a collection.</source>
        <translation>Diese Sammlung löschen? Ihre Notizen und Aufgaben bleiben erhalten, dann ohne Sammlung.</translation>
    </message>
    <message>
        <source>Added “%1”</source>
        <translation>„%1“ hinzugefügt</translation>
    </message>
    <message>
        <source>About Tidemark</source>
        <translation>Über Tidemark</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tidemark %1&lt;/h3&gt;&lt;p&gt;Offline-first notes and tasks.&lt;/p&gt;&lt;p&gt;Everything you write is kept on this computer first; a sync server of your own keeps your devices in step.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tidemark %1&lt;/h3&gt;&lt;p&gt;Notizen und Aufgaben, die auch offline funktionieren.&lt;/p&gt;&lt;p&gt;Alles, was Sie schreiben, wird zuerst auf diesem Rechner gespeichert; ein eigener Synchronisationsserver hält Ihre Geräte auf demselben Stand.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Seitenleiste</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search notes and tasks</source>
        <translation>Notizen und Aufgaben durchsuchen</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Select a note or task, or press %1 for a new note.</source>
        <translation>Wählen Sie eine Notiz oder Aufgabe aus oder drücken Sie %1 für eine neue Notiz.</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Nur lokal</translation>
    </message>
    <message>
        <source>No sync server is set up: everything is kept on this computer.</source>
        <translation>Kein Synchronisationsserver eingerichtet: Alles wird auf diesem Rechner gespeichert.</translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>Alle Änderungen übertragen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent</source>
        <translation>
            <numerusform>%n Änderung nicht übertragen</numerusform>
            <numerusform>%n Änderungen nicht übertragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert um %1</translation>
    </message>
    <message>
        <source>Could not do that: %1</source>
        <translation>Aktion nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Work Offline</source>
        <translation>&amp;Offline arbeiten</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>The server no longer accepts this device: sign in again in Settings → Sync. Nothing is lost; your changes wait here.</source>
        <translation>Der Server nimmt dieses Gerät nicht mehr an: Melden Sie sich unter Einstellungen → Synchronisation erneut an. Nichts geht verloren; Ihre Änderungen warten hier.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synchronisiert um %1</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Offline-Modus</translation>
    </message>
    <message>
        <source>Nothing is sent or fetched until you turn Work Offline off.</source>
        <translation>Nichts wird gesendet oder abgerufen, bis Sie „Offline arbeiten“ ausschalten.</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synchronisation fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 Next try at %2.</source>
        <translation>%1 Nächster Versuch um %2.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisation fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) need you: see Conflicts in the sidebar</source>
        <translation>
            <numerusform>%n Konflikt braucht Sie: siehe Konflikte in der Seitenleiste</numerusform>
            <numerusform>%n Konflikte brauchen Sie: siehe Konflikte in der Seitenleiste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from your other devices</source>
        <translation>
            <numerusform>%n Änderung von Ihren anderen Geräten</numerusform>
            <numerusform>%n Änderungen von Ihren anderen Geräten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept for sync</source>
        <translation>
            <numerusform>%n Änderung für die Synchronisation vorgemerkt</numerusform>
            <numerusform>%n Änderungen für die Synchronisation vorgemerkt</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync &amp;Diagnostics…</source>
        <translation>Synchronisations&amp;diagnose…</translation>
    </message>
    <message>
        <source>Nothing here yet.

Press %1 for a note or %2 for a task.</source>
        <translation>Hier ist noch nichts.

Drücken Sie %1 für eine Notiz oder %2 für eine Aufgabe.</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>Heute ist nichts fällig.</translation>
    </message>
    <message>
        <source>Nothing coming up. Tasks with a later due date show here.</source>
        <translation>Nichts steht an. Aufgaben mit späterem Fälligkeitsdatum erscheinen hier.</translation>
    </message>
    <message>
        <source>No finished tasks yet.</source>
        <translation>Noch keine erledigten Aufgaben.</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
    <message>
        <source>Every change has reached the server.</source>
        <translation>Alle Änderungen sind beim Server angekommen.</translation>
    </message>
    <message>
        <source>No conflicts: your devices agree.</source>
        <translation>Keine Konflikte: Ihre Geräte sind sich einig.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::NoteEditor</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Title (or the first heading)</source>
        <translation>Titel (oder die erste Überschrift)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Notiztext</translation>
    </message>
    <message>
        <source>Write in Markdown…</source>
        <translation>In Markdown schreiben…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert um %1</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Geändert am %1</translation>
    </message>
    <message>
        <source>In the Trash: restore it to edit.</source>
        <translation>Im Papierkorb: Zum Bearbeiten wiederherstellen.</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Auflösen…</translation>
    </message>
    <message>
        <source>This note was changed here and on another device in the same place. Nothing is lost: both versions are kept until you choose.</source>
        <translation>Diese Notiz wurde hier und auf einem anderen Gerät an derselben Stelle geändert. Nichts geht verloren: Beide Fassungen bleiben erhalten, bis Sie wählen.</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Der Text</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>diesem Gerät</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>einem anderen Gerät</translation>
    </message>
    <message>
        <source>another device at %1</source>
        <translation>einem anderen Gerät um %1</translation>
    </message>
    <message>
        <source>%1 (other version)</source>
        <translation>%1 (andere Fassung)</translation>
    </message>
    <message>
        <source>This conflict was settled on another device meanwhile.</source>
        <translation>Dieser Konflikt wurde inzwischen auf einem anderen Gerät gelöst.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::QuickEntryDialog</name>
    <message>
        <source>Quick Entry</source>
        <translation>Schnelleingabe</translation>
    </message>
    <message>
        <source>What to add</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Add a task, then press Enter</source>
        <translation>Aufgabe eingeben und die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Aufgabe</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Add a note, then press Enter</source>
        <translation>Notiz eingeben und die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>No collection</source>
        <translation>Keine Sammlung</translation>
    </message>
    <message>
        <source>Into: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::Reminders</name>
    <message>
        <source>Due at %1</source>
        <translation>Fällig um %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SearchResultsModel</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Editor &amp;font:</source>
        <translation>&amp;Schriftart des Editors:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The window is rebuilt in the new language when you press OK.</source>
        <translation>Das Fenster wird in der neuen Sprache neu aufgebaut, sobald Sie auf OK klicken.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>https://notes.example.org</source>
        <translation>https://notes.example.org</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Tidemark keeps everything on this computer. With a Tidemark server of your own, your devices stay in step; without one, Tidemark works locally only.</source>
        <translation>Tidemark speichert alles auf diesem Rechner. Mit einem eigenen Tidemark-Server bleiben Ihre Geräte auf demselben Stand; ohne Server arbeitet Tidemark nur lokal.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Create Account</source>
        <translation>Konto &amp;erstellen</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Bei %1 als %2 angemeldet.</translation>
    </message>
    <message>
        <source>Not signed in: everything stays on this computer.</source>
        <translation>Nicht angemeldet: Alles bleibt auf diesem Rechner.</translation>
    </message>
    <message>
        <source>The server needs a web address, like https://notes.example.org.</source>
        <translation>Der Server braucht eine Webadresse, etwa https://notes.example.org.</translation>
    </message>
    <message>
        <source>Enter your account name and password.</source>
        <translation>Geben Sie Ihren Kontonamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmelden…</translation>
    </message>
    <message>
        <source>Talking to the server…</source>
        <translation>Verbindung zum Server…</translation>
    </message>
    <message>
        <source>%1 (Tidemark)</source>
        <translation>%1 (Tidemark)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not create the account: %1</source>
        <translation>Das Konto konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Hold sync on metered connections (mobile data) until an unmetered one returns</source>
        <translation>Synchronisation bei getakteten Verbindungen (mobile Daten) &amp;anhalten, bis eine ungetaktete zurückkehrt</translation>
    </message>
    <message>
        <source>No system keychain answered, so the sign-in is kept in %1, readable by you only.</source>
        <translation>Kein Schlüsselbund des Systems hat geantwortet; die Anmeldung wird daher in %1 aufbewahrt, nur für Sie lesbar.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::Shell</name>
    <message>
        <source>Due now: %1</source>
        <translation>Jetzt fällig: %1</translation>
    </message>
    <message>
        <source>Show Tidemark</source>
        <translation>Tidemark anzeigen</translation>
    </message>
    <message>
        <source>Quick Entry…</source>
        <translation>Schnelleingabe…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Tidemark: %n overdue</source>
        <translation>
            <numerusform>Tidemark: %n überfällig</numerusform>
            <numerusform>Tidemark: %n überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SidebarDelegate</name>
    <message>
        <source>%1 · %2 late</source>
        <translation>%1 · %2 überfällig</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SidebarModel</name>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Demnächst</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SyncDiagnosticsDialog</name>
    <message>
        <source>Sync Diagnostics</source>
        <translation>Synchronisationsdiagnose</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>none: local only</source>
        <translation>keiner: nur lokal</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Letzte Synchronisation:</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nie</translation>
    </message>
    <message>
        <source>Sync takes:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>last %1, median %2, 95th percentile %3 (of %4)</source>
        <translation>zuletzt %1, Median %2, 95. Perzentil %3 (von %4)</translation>
    </message>
    <message>
        <source>Syncs:</source>
        <translation>Synchronisationen:</translation>
    </message>
    <message>
        <source>%1 completed, %2 failed, %3 retries</source>
        <translation>%1 abgeschlossen, %2 fehlgeschlagen, %3 Wiederholungen</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Änderungen:</translation>
    </message>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>%1 gesendet, %2 empfangen</translation>
    </message>
    <message>
        <source>Waiting here:</source>
        <translation>Warten hier:</translation>
    </message>
    <message>
        <source>%1 not sent, %2 refused by the server</source>
        <translation>%1 nicht gesendet, %2 vom Server abgelehnt</translation>
    </message>
    <message>
        <source>At server revision:</source>
        <translation>Beim Server-Stand:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Conflicts by rule:</source>
        <translation>Konflikte nach Regel:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::TaskEditor</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>What needs doing?</source>
        <translation>Was ist zu tun?</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation>Hat ein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>&amp;Fällig</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Has a due time</source>
        <translation>Hat eine Fälligkeitsuhrzeit</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>Fälligkeitsuhrzeit</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Keine Wiederholung</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <source>Repeat interval</source>
        <translation>Wiederholungsintervall</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Next occurrence</source>
        <translation>Nächste Wiederholung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>Durch Kommas getrennt</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Notes (Markdown)</source>
        <translation>Notizen (Markdown)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Subtasks</source>
        <translation>Unteraufgaben</translation>
    </message>
    <message>
        <source>&amp;Subtasks</source>
        <translation>Unter&amp;aufgaben</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move subtask up</source>
        <translation>Unteraufgabe nach oben verschieben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move subtask down</source>
        <translation>Unteraufgabe nach unten verschieben</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move subtask to the Trash</source>
        <translation>Unteraufgabe in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>New subtask</source>
        <translation>Neue Unteraufgabe</translation>
    </message>
    <message>
        <source>Add subtask</source>
        <translation>Unteraufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>Tag</numerusform>
            <numerusform>Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>Woche</numerusform>
            <numerusform>Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>Monat</numerusform>
            <numerusform>Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>Jahr</numerusform>
            <numerusform>Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Nächste Fälligkeit: %1</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(unbenannt)</translation>
    </message>
</context>
</TS>
