<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConflictResolver</name>
    <message>
        <source>%1 (other version)</source>
        <translation>%1 (andere Fassung)</translation>
    </message>
</context>
<context>
    <name>ItemWords</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>Anheftung</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>archive state</source>
        <translation>Archivierung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>done state</source>
        <translation>Erledigt-Status</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>place in the Trash</source>
        <translation>Papierkorb-Status</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>repetition</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Parent task</source>
        <translation>Übergeordnete Aufgabe</translation>
    </message>
    <message>
        <source>parent task</source>
        <translation>übergeordnete Aufgabe</translation>
    </message>
    <message>
        <source>Parent collection</source>
        <translation>Übergeordnete Sammlung</translation>
    </message>
    <message>
        <source>parent collection</source>
        <translation>übergeordnete Sammlung</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>the last of several fields</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>one of several fields</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>dieses Gerät</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>ein anderes Gerät</translation>
    </message>
    <message>
        <source>in the Trash</source>
        <translation>im Papierkorb</translation>
    </message>
    <message>
        <source>not in the Trash</source>
        <translation>nicht im Papierkorb</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>nicht erledigt</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>erledigt am %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>no collection</source>
        <translation>keine Sammlung</translation>
    </message>
    <message>
        <source>a collection no longer here</source>
        <translation>eine nicht mehr vorhandene Sammlung</translation>
    </message>
    <message>
        <source>no parent</source>
        <translation>kein übergeordneter Eintrag</translation>
    </message>
    <message>
        <source>an item no longer here</source>
        <translation>ein nicht mehr vorhandener Eintrag</translation>
    </message>
    <message>
        <source>no priority</source>
        <translation>keine Priorität</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>kein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>does not repeat</source>
        <translation>keine Wiederholung</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>yearly</source>
        <translation>jährlich</translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>jeden Tag</numerusform>
            <numerusform>alle %n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s)</source>
        <translation>
            <numerusform>jede Woche</numerusform>
            <numerusform>alle %n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n month(s)</source>
        <translation>
            <numerusform>jeden Monat</numerusform>
            <numerusform>alle %n Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n year(s)</source>
        <translation>
            <numerusform>jedes Jahr</numerusform>
            <numerusform>alle %n Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>keine Schlagwörter</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>%1 of “%2”</source>
        <comment>a field of an item</comment>
        <translation>%1 von „%2“</translation>
    </message>
    <message>
        <source>This task</source>
        <translation>Diese Aufgabe</translation>
    </message>
    <message>
        <source>This collection</source>
        <translation>Diese Sammlung</translation>
    </message>
    <message>
        <source>This note</source>
        <translation>Diese Notiz</translation>
    </message>
    <message>
        <source>%1 was decided on %2 at %3: %4 kept.</source>
        <translation>%1 wurde durch %2 um %3 entschieden: %4 behalten.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3; the later one was kept: %4.</source>
        <translation>%1 wurde auf zwei Geräten geändert (%2 und %3); die spätere Änderung wurde übernommen: %4.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3; the later one was kept.</source>
        <translation>%1 wurde auf zwei Geräten geändert (%2 und %3); die spätere Änderung wurde übernommen.</translation>
    </message>
    <message>
        <source>%1 changed on %2 (%3) and on %4 (%5).</source>
        <translation>%1 wurde auf zwei Geräten geändert (%2: %3; %4: %5).</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3 in different places; both edits were merged.</source>
        <translation>%1 wurde auf zwei Geräten an verschiedenen Stellen geändert (%2 und %3); beide Änderungen wurden zusammengeführt.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3 in the same lines; both versions are kept.</source>
        <translation>%1 wurde auf zwei Geräten in denselben Zeilen geändert (%2 und %3); beide Fassungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>%1 was moved to the Trash on one device and edited on another; the edit brought it back.</source>
        <translation>%1 wurde auf einem Gerät in den Papierkorb verschoben und auf einem anderen bearbeitet; die Bearbeitung hat den Eintrag zurückgeholt.</translation>
    </message>
    <message>
        <source>%1 was edited on one device and moved to the Trash on another; it stays, because an edit beats a delete.</source>
        <translation>%1 wurde auf einem Gerät bearbeitet und auf einem anderen in den Papierkorb verschoben; der Eintrag bleibt, denn eine Bearbeitung hat Vorrang vor dem Löschen.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3; tags added on either side were kept.</source>
        <translation>%1 wurde auf zwei Geräten geändert (%2 und %3); auf beiden Seiten hinzugefügte Schlagwörter wurden behalten.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3.</source>
        <translation>%1 wurde auf zwei Geräten geändert (%2 und %3).</translation>
    </message>
    <message>
        <source>Waiting for you to choose.</source>
        <translation>Wartet auf Ihre Wahl.</translation>
    </message>
    <message>
        <source>Since decided by a person.</source>
        <translation>Inzwischen von einer Person entschieden.</translation>
    </message>
    <message>
        <source>the later edit wins</source>
        <translation>die spätere Änderung gewinnt</translation>
    </message>
    <message>
        <source>always ask me (your setting for this field)</source>
        <translation>immer mich fragen (Ihre Einstellung für dieses Feld)</translation>
    </message>
    <message>
        <source>the earlier version is no longer known, so you choose</source>
        <translation>der frühere Stand ist nicht mehr bekannt, daher wählen Sie</translation>
    </message>
    <message>
        <source>edits in different places are merged</source>
        <translation>Änderungen an verschiedenen Stellen werden zusammengeführt</translation>
    </message>
    <message>
        <source>edits of the same lines wait for you</source>
        <translation>Änderungen an denselben Zeilen warten auf Sie</translation>
    </message>
    <message>
        <source>the earlier text is no longer known, so you choose</source>
        <translation>der frühere Text ist nicht mehr bekannt, daher wählen Sie</translation>
    </message>
    <message>
        <source>an edit brings a deleted item back</source>
        <translation>eine Bearbeitung holt einen gelöschten Eintrag zurück</translation>
    </message>
    <message>
        <source>an edit beats a delete</source>
        <translation>eine Bearbeitung hat Vorrang vor dem Löschen</translation>
    </message>
    <message>
        <source>tags added on either side are kept</source>
        <translation>auf beiden Seiten hinzugefügte Schlagwörter bleiben erhalten</translation>
    </message>
    <message>
        <source>the later move wins</source>
        <translation>die spätere Verschiebung gewinnt</translation>
    </message>
    <message>
        <source>a person&apos;s choice</source>
        <translation>die Wahl einer Person</translation>
    </message>
    <message>
        <source>waiting for you</source>
        <translation>wartet auf Sie</translation>
    </message>
    <message>
        <source>chosen by a person</source>
        <translation>von einer Person gewählt</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>zusammengeführt</translation>
    </message>
    <message>
        <source>one side kept</source>
        <translation>eine Seite behalten</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>then decided by a person</source>
        <translation>dann von einer Person entschieden</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a person&apos;s text quoted in a sentence</comment>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>%1: a choice was undone on %2 at %3; %4 is back.</source>
        <translation>%1: eine Wahl wurde am %2 um %3 rückgängig gemacht; %4 ist zurück.</translation>
    </message>
    <message>
        <source>Undone since.</source>
        <translation>Seitdem rückgängig gemacht.</translation>
    </message>
    <message>
        <source>a person undid a choice</source>
        <translation>eine Person hat eine Wahl rückgängig gemacht</translation>
    </message>
    <message>
        <source>undone by a person</source>
        <translation>von einer Person rückgängig gemacht</translation>
    </message>
    <message>
        <source>chosen by a person, then undone</source>
        <translation>von einer Person gewählt, dann rückgängig gemacht</translation>
    </message>
    <message numerus="yes">
        <source>%1: a choice was undone on %2 at %3; the version back has %n line(s) and starts %4.</source>
        <translation>
            <numerusform>%1: Eine Wahl wurde am %2 um %3 rückgängig gemacht; die zurückgekehrte Fassung hat %n Zeile und beginnt mit %4.</numerusform>
            <numerusform>%1: Eine Wahl wurde am %2 um %3 rückgängig gemacht; die zurückgekehrte Fassung hat %n Zeilen und beginnt mit %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was decided on %2 at %3: the version kept has %n line(s) and starts %4.</source>
        <translation>
            <numerusform>%1 wurde am %2 um %3 entschieden: Die behaltene Fassung hat %n Zeile und beginnt mit %4.</numerusform>
            <numerusform>%1 wurde am %2 um %3 entschieden: Die behaltene Fassung hat %n Zeilen und beginnt mit %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its lines differ from the other version.</source>
        <translation>
            <numerusform>%n ihrer Zeilen weicht von der anderen Fassung ab.</numerusform>
            <numerusform>%n ihrer Zeilen weichen von der anderen Fassung ab.</numerusform>
        </translation>
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
    <name>tidemark::model::CollectionTreeModel</name>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n Eintrag</numerusform>
            <numerusform>%1: %n Einträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::AuditDialog</name>
    <message>
        <source>Audit Trail</source>
        <translation>Konfliktprotokoll</translation>
    </message>
    <message>
        <source>Every conflict of this account: what collided, the rule that decided it, and who decided it when. Undoing a choice puts back what stood before it, on every device, and the conflict it settled waits for you again.</source>
        <translation>Jeder Konflikt dieses Kontos: was aufeinandertraf, welche Regel entschied und wer wann entschieden hat. Wenn Sie eine Wahl rückgängig machen, kehrt auf jedem Gerät zurück, was vorher galt, und der Konflikt, den sie beigelegt hat, wartet wieder auf Sie.</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>&amp;Eintrag:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Regel:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>Ergeb&amp;nis:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Alle Regeln</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>No conflicts yet: your devices have always agreed.</source>
        <translation>Noch keine Konflikte: Ihre Geräte waren sich immer einig.</translation>
    </message>
    <message>
        <source>Select an event to see both values.</source>
        <translation>Wählen Sie ein Ereignis aus, um beide Werte zu sehen.</translation>
    </message>
    <message>
        <source>Chosen:</source>
        <translation>Gewählt:</translation>
    </message>
    <message>
        <source>Replaced:</source>
        <translation>Ersetzt:</translation>
    </message>
    <message>
        <source>Chosen on:</source>
        <translation>Gewählt durch:</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>It settled:</source>
        <translation>Gelöster Konflikt:</translation>
    </message>
    <message>
        <source>Mine (%1):</source>
        <translation>Meine (%1):</translation>
    </message>
    <message>
        <source>Theirs (%1):</source>
        <translation>Andere (%1):</translation>
    </message>
    <message>
        <source>Base:</source>
        <translation>Ausgangswert:</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Regel:</translation>
    </message>
    <message>
        <source>nobody yet: waiting for you</source>
        <translation>noch niemand: wartet auf Sie</translation>
    </message>
    <message>
        <source>the rule, when the server met both sides at %1</source>
        <translation>die Regel, als der Server um %1 beide Seiten erhielt</translation>
    </message>
    <message>
        <source>%1 at %2, keeping %3</source>
        <translation>%1 um %2; behalten: %3</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Entschieden durch:</translation>
    </message>
    <message>
        <source>Put back %1 as the %2, on every device</source>
        <translation>%2 auf jedem Gerät wieder auf %1 setzen</translation>
    </message>
    <message>
        <source>Cannot Undo</source>
        <translation>Rückgängig machen nicht möglich</translation>
    </message>
    <message>
        <source>Undo This Choice</source>
        <translation>Diese Wahl rückgängig machen</translation>
    </message>
    <message>
        <source>Put back:</source>
        <translation>Zurückgebracht:</translation>
    </message>
    <message>
        <source>It undid:</source>
        <translation>Rückgängig gemacht:</translation>
    </message>
    <message>
        <source>Use the Other Value</source>
        <translation>Anderen Wert verwenden</translation>
    </message>
    <message>
        <source>This choice was undone: the conflict it settled was back as it was.</source>
        <translation>Diese Wahl wurde rückgängig gemacht: Der Konflikt, den sie beigelegt hatte, war wieder so da wie vorher.</translation>
    </message>
    <message>
        <source>An undo is not undone: decide the conflict again instead.</source>
        <translation>Ein Rückgängigmachen wird nicht rückgängig gemacht: Entscheiden Sie den Konflikt stattdessen neu.</translation>
    </message>
    <message>
        <source>This cannot be undone in one step: the %1 changed since. Open the item&apos;s history to bring back a version.</source>
        <translation>Dies lässt sich nicht in einem Schritt rückgängig machen: %1 hat sich seitdem geändert. Öffnen Sie den Verlauf des Eintrags, um eine Version zurückzuholen.</translation>
    </message>
    <message>
        <source>Nothing to undo here.</source>
        <translation>Hier gibt es nichts rückgängig zu machen.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConflictBar</name>
    <message>
        <source>Resolve…</source>
        <translation>Auflösen…</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConflictCentre</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Audit Trail…</source>
        <translation>Konfliktprotokoll…</translation>
    </message>
    <message>
        <source>Every conflict of the account, with both values and how each was settled</source>
        <translation>Jeder Konflikt des Kontos, mit beiden Werten und wie er gelöst wurde</translation>
    </message>
    <message>
        <source>Could not read the conflicts: %1</source>
        <translation>Die Konflikte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No conflicts: your devices agree. When two devices change the same thing while apart, it shows here, with what decided it.</source>
        <translation>Keine Konflikte: Ihre Geräte sind sich einig. Wenn zwei Geräte unabhängig voneinander dasselbe ändern, erscheint das hier, zusammen mit dem, was darüber entschieden hat.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for you</source>
        <translation>
            <numerusform>%n wartet auf Sie</numerusform>
            <numerusform>%n warten auf Sie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settled in the last 30 days</source>
        <translation>
            <numerusform>%n in den letzten 30 Tagen gelöst</numerusform>
            <numerusform>%n in den letzten 30 Tagen gelöst</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>Settled in the last 30 days</source>
        <translation>In den letzten 30 Tagen gelöst</translation>
    </message>
    <message>
        <source>Rule: %1 · %2</source>
        <translation>Regel: %1 · %2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show the item</source>
        <translation>Den Eintrag anzeigen</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Auflösen…</translation>
    </message>
    <message>
        <source>Compare both versions and choose</source>
        <translation>Beide Fassungen vergleichen und wählen</translation>
    </message>
    <message>
        <source>Put back %1 as the %2, on every device</source>
        <translation>%2 auf jedem Gerät wieder auf %1 setzen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Use the Other Value</source>
        <translation>Anderen Wert verwenden</translation>
    </message>
    <message>
        <source>The conflict it settled waits for you again.</source>
        <translation>Der Konflikt, den sie beigelegt hat, wartet wieder auf Sie.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::DiffWriter</name>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n unveränderte Zeile</numerusform>
            <numerusform>⋯ %n unveränderte Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::GlobalShortcut</name>
    <message>
        <source>Quick Entry</source>
        <translation>Schnelleingabe</translation>
    </message>
    <message>
        <source>This desktop offers no global shortcuts (no KDE global shortcut service on the session bus).</source>
        <translation>Diese Arbeitsumgebung bietet keine globalen Tastenkürzel (kein KDE-Dienst für globale Kürzel auf dem Sitzungsbus).</translation>
    </message>
    <message>
        <source>The desktop did not take the global shortcut (another program may have the keys).</source>
        <translation>Die Arbeitsumgebung hat das globale Kürzel nicht übernommen (vielleicht belegt ein anderes Programm die Tasten).</translation>
    </message>
    <message>
        <source>This build of Tidemark has no global shortcuts (KDE Frameworks GlobalAccel was not found).</source>
        <translation>Diese Ausgabe von Tidemark hat keine globalen Kürzel (KDE Frameworks GlobalAccel wurde nicht gefunden).</translation>
    </message>
    <message>
        <source>Quick Entry from anywhere on the desktop: %1 (change it in the desktop&apos;s shortcut settings).</source>
        <translation>Schnelleingabe von überall: %1 (änderbar in den Kürzel-Einstellungen der Arbeitsumgebung).</translation>
    </message>
    <message>
        <source>Quick Entry from anywhere: not available. %1 Inside Tidemark, use %2 or the tray icon.</source>
        <translation>Schnelleingabe von überall: nicht verfügbar. %1 In Tidemark nutzen Sie %2 oder das Symbol im Systembereich.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::HistoryDialog</name>
    <message>
        <source>Versions and conflicts, newest first</source>
        <translation>Versionen und Konflikte, neueste zuerst</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>Untereinander</translation>
    </message>
    <message>
        <source>Removed and added lines one under the other</source>
        <translation>Entfernte und hinzugefügte Zeilen untereinander</translation>
    </message>
    <message>
        <source>The earlier version on the left, this one on the right</source>
        <translation>Die frühere Version links, diese rechts</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>&amp;Restore This Version</source>
        <translation>Diese Version &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Untitled task</source>
        <translation>Unbenannte Aufgabe</translation>
    </message>
    <message>
        <source>Untitled note</source>
        <translation>Unbenannte Notiz</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>Verlauf von „%1“</translation>
    </message>
    <message>
        <source>“%1” has no history on this device.</source>
        <translation>„%1“ hat auf diesem Gerät keinen Verlauf.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Oldest version kept</source>
        <translation>Älteste erhaltene Version</translation>
    </message>
    <message>
        <source>Restored version %1</source>
        <translation>Version %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
        <translation>Eine frühere Version wiederhergestellt</translation>
    </message>
    <message>
        <source>Conflict resolved</source>
        <translation>Konflikt aufgelöst</translation>
    </message>
    <message>
        <source>Moved to the Trash</source>
        <translation>In den Papierkorb verschoben</translation>
    </message>
    <message>
        <source>Restored from the Trash</source>
        <translation>Aus dem Papierkorb wiederhergestellt</translation>
    </message>
    <message>
        <source>Marked done</source>
        <translation>Als erledigt markiert</translation>
    </message>
    <message>
        <source>Marked not done</source>
        <translation>Als nicht erledigt markiert</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation>Nicht mehr angeheftet</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Taken out of the archive</source>
        <translation>Aus dem Archiv geholt</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>Nach %1 verschoben</translation>
    </message>
    <message>
        <source>Taken out of its collection</source>
        <translation>Aus der Sammlung genommen</translation>
    </message>
    <message>
        <source>Moved in the list</source>
        <translation>In der Liste verschoben</translation>
    </message>
    <message>
        <source>Saved without changes</source>
        <translation>Ohne Änderungen gespeichert</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>Version %1 (current)</source>
        <translation>Version %1 (aktuell)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Open conflict</source>
        <translation>Offener Konflikt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Aufgelöst</translation>
    </message>
    <message>
        <source>Settled automatically</source>
        <translation>Automatisch gelöst</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Moved to another place in the list.</source>
        <translation>An eine andere Stelle in der Liste verschoben.</translation>
    </message>
    <message>
        <source>Version %1 compared with version %2</source>
        <translation>Version %1 im Vergleich zu Version %2</translation>
    </message>
    <message>
        <source>Version %1, as it was created</source>
        <translation>Version %1, wie sie erstellt wurde</translation>
    </message>
    <message>
        <source>Nothing you can see changed in this version.</source>
        <translation>In dieser Version hat sich nichts Sichtbares geändert.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>No versions</source>
        <translation>Keine Versionen</translation>
    </message>
    <message>
        <source>Choose a version on the left.</source>
        <translation>Wählen Sie links eine Version aus.</translation>
    </message>
    <message>
        <source>Choose a version to restore</source>
        <translation>Wählen Sie eine Version zum Wiederherstellen aus</translation>
    </message>
    <message>
        <source>This is the current version</source>
        <translation>Dies ist die aktuelle Version</translation>
    </message>
    <message>
        <source>The current version is the same as this one</source>
        <translation>Die aktuelle Version ist mit dieser identisch</translation>
    </message>
    <message>
        <source>Make version %1 the current one again: a new version, which can itself be undone by restoring the one before it</source>
        <translation>Version %1 wieder zur aktuellen machen: als neue Version, die sich ihrerseits rückgängig machen lässt, indem Sie die vorherige wiederherstellen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Version %1 could not be restored: %2</source>
        <translation>Version %1 konnte nicht wiederhergestellt werden: %2</translation>
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
    <message>
        <source>%1/%2</source>
        <comment>subtasks done of all</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>↳ %1</source>
        <comment>a subtask&apos;s parent task</comment>
        <translation>↳ %1</translation>
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
        <source>Sync stopped</source>
        <translation>Synchronisation angehalten</translation>
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
    <message>
        <source>Show &amp;History…</source>
        <translation>Verlauf an&amp;zeigen…</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Konflikte</translation>
    </message>
    <message>
        <source>&amp;Pending Changes</source>
        <translation>&amp;Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>&amp;Audit Trail…</source>
        <translation>Konflikt&amp;protokoll…</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>In den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Mark Done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Mark Not Done</source>
        <translation>Als nicht erledigt markieren</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>%1 %2 undoes it.</source>
        <translation>%1 %2 macht es rückgängig.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Nichts zu wiederholen.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>Wiederholt: %1.</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Rückgängig gemacht: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) had changed since and keep their newer values.</source>
        <translation>
            <numerusform>%n Eintrag hatte sich seitdem geändert und behält seinen neueren Wert.</numerusform>
            <numerusform>%n Einträge hatten sich seitdem geändert und behalten ihre neueren Werte.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Redo Typing</source>
        <translation>&amp;Eingabe wiederholen</translation>
    </message>
    <message>
        <source>&amp;Undo Typing</source>
        <translation>&amp;Eingabe rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to the Trash.</source>
        <translation>
            <numerusform>%n Eintrag in den Papierkorb verschoben.</numerusform>
            <numerusform>%n Einträge in den Papierkorb verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) restored.</source>
        <translation>
            <numerusform>%n Eintrag wiederhergestellt.</numerusform>
            <numerusform>%n Einträge wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) marked done.</source>
        <translation>
            <numerusform>%n Aufgabe als erledigt markiert.</numerusform>
            <numerusform>%n Aufgaben als erledigt markiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) marked not done.</source>
        <translation>
            <numerusform>%n Aufgabe als nicht erledigt markiert.</numerusform>
            <numerusform>%n Aufgaben als nicht erledigt markiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) pinned.</source>
        <translation>
            <numerusform>%n Notiz angeheftet.</numerusform>
            <numerusform>%n Notizen angeheftet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) unpinned.</source>
        <translation>
            <numerusform>%n Notiz gelöst.</numerusform>
            <numerusform>%n Notizen gelöst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 verschoben.</numerusform>
            <numerusform>%n Einträge nach %1 verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <source>no collection</source>
        <translation>keine Sammlung</translation>
    </message>
    <message>
        <source>Collection “%1” deleted; its notes and tasks are in All Items.</source>
        <translation>Sammlung „%1“ gelöscht; ihre Notizen und Aufgaben sind unter Alle Einträge.</translation>
    </message>
    <message>
        <source>No archived notes. Archive a note (%1) to take it out of All items and keep it.</source>
        <translation>Keine archivierten Notizen. Archivieren Sie eine Notiz (%1), um sie aus „Alle Einträge“ zu nehmen und aufzubewahren.</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Aus dem &amp;Archiv holen</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Aus dem Archiv holen</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) archived.</source>
        <translation>
            <numerusform>%n Notiz archiviert.</numerusform>
            <numerusform>%n Notizen archiviert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) back from the Archive.</source>
        <translation>
            <numerusform>%n Notiz aus dem Archiv zurück.</numerusform>
            <numerusform>%n Notizen aus dem Archiv zurück.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MergeDialog</name>
    <message>
        <source>Merge “%1”</source>
        <translation>„%1“ zusammenführen</translation>
    </message>
    <message>
        <source>%1 of “%2” was changed on %3 and on %4. Parts only one side changed are already taken from it; choose what to keep where both changed, or edit the Result.</source>
        <translation>%1 von „%2“ wurde auf zwei Geräten geändert (%3 und %4). Was nur eine Seite geändert hat, ist schon übernommen; wählen Sie, was bleiben soll, wo beide geändert haben, oder bearbeiten Sie das Ergebnis.</translation>
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
        <source>Choose for every part both sides changed, or edit the Result</source>
        <translation>Wählen Sie für jeden Teil, den beide Seiten geändert haben, oder bearbeiten Sie das Ergebnis</translation>
    </message>
    <message>
        <source>“%1” was changed on %2 and on %3, and these fields got different values. Choose the value to keep for each; every device will show it.</source>
        <translation>„%1“ wurde auf zwei Geräten geändert (%2 und %3), und diese Felder haben dabei unterschiedliche Werte bekommen. Wählen Sie für jedes Feld den Wert, der bleiben soll; alle Geräte zeigen ihn dann an.</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Weitere Felder</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Keep the value from %1</source>
        <translation>Den Wert dieser Seite behalten (%1)</translation>
    </message>
    <message>
        <source>Save your choices, on every device</source>
        <translation>Ihre Auswahl speichern, auf jedem Gerät</translation>
    </message>
    <message>
        <source>Choose a value for every field</source>
        <translation>Wählen Sie für jedes Feld einen Wert</translation>
    </message>
    <message>
        <source>Choose a value for every field first</source>
        <translation>Wählen Sie zuerst für jedes Feld einen Wert</translation>
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
        <source>%1 of at most %2</source>
        <translation>%1 von höchstens %2</translation>
    </message>
    <message>
        <source>shown without highlighting (over %1)</source>
        <translation>ohne Hervorhebung angezeigt (über %1)</translation>
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
        <source>This note was changed here and on another device in the same place. Nothing is lost: both versions are kept until you choose.</source>
        <translation>Diese Notiz wurde hier und auf einem anderen Gerät an derselben Stelle geändert. Nichts geht verloren: Beide Fassungen bleiben erhalten, bis Sie wählen.</translation>
    </message>
    <message>
        <source>This conflict was settled on another device meanwhile.</source>
        <translation>Dieser Konflikt wurde inzwischen auf einem anderen Gerät gelöst.</translation>
    </message>
    <message>
        <source>Archived · %1</source>
        <translation>Archiviert · %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::PendingView</name>
    <message>
        <source>may conflict</source>
        <translation>Konflikt möglich</translation>
    </message>
    <message>
        <source>&amp;Retry Now</source>
        <translation>Jetzt erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Try to send the waiting changes to the server now</source>
        <translation>Jetzt versuchen, die wartenden Änderungen an den Server zu senden</translation>
    </message>
    <message>
        <source>Changes waiting for the server</source>
        <translation>Änderungen, die auf den Server warten</translation>
    </message>
    <message>
        <source>Everything is sent. Changes made while offline wait here until the server has them.</source>
        <translation>Alles ist gesendet. Offline vorgenommene Änderungen warten hier, bis der Server sie hat.</translation>
    </message>
    <message>
        <source>Last attempt failed: %1</source>
        <translation>Letzter Versuch fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting for the server</source>
        <translation>
            <numerusform>%n Änderung wartet auf den Server</numerusform>
            <numerusform>%n Änderungen warten auf den Server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Collection “%1” created here</source>
        <translation>Sammlung „%1“ hier erstellt</translation>
    </message>
    <message>
        <source>“%1” created here</source>
        <translation>„%1“ hier erstellt</translation>
    </message>
    <message>
        <source>“%1” moved to the Trash here</source>
        <translation>„%1“ hier in den Papierkorb verschoben</translation>
    </message>
    <message>
        <source>“%1” restored from the Trash here</source>
        <translation>„%1“ hier aus dem Papierkorb wiederhergestellt</translation>
    </message>
    <message>
        <source>“%1” marked not done here</source>
        <translation>„%1“ hier als nicht erledigt markiert</translation>
    </message>
    <message>
        <source>“%1” marked done here</source>
        <translation>„%1“ hier als erledigt markiert</translation>
    </message>
    <message>
        <source>%1 of “%2” chosen here to settle a conflict</source>
        <translation>%1 von „%2“ hier gewählt, um einen Konflikt zu lösen</translation>
    </message>
    <message>
        <source>%1 of “%2” changed here</source>
        <translation>%1 von „%2“ hier geändert</translation>
    </message>
    <message>
        <source>made at %1</source>
        <translation>vorgenommen um %1</translation>
    </message>
    <message>
        <source>made on %1 at %2</source>
        <translation>vorgenommen am %1 um %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe von Gründen</translation>
    </message>
    <message>
        <source>refused by the server: %1 — it goes again, as the item then is, with your next edit of it</source>
        <translation>vom Server abgelehnt: %1 – sie wird mit Ihrer nächsten Bearbeitung erneut gesendet, so wie der Eintrag dann ist</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%n try(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>next try any moment</source>
        <translation>nächster Versuch jeden Moment</translation>
    </message>
    <message>
        <source>next try in %1 s</source>
        <translation>nächster Versuch in %1 s</translation>
    </message>
    <message>
        <source>next try in %1 min</source>
        <translation>nächster Versuch in %1 min</translation>
    </message>
    <message>
        <source>the text is merged line by line; changes to the same lines will wait for you</source>
        <translation>der Text wird Zeile für Zeile zusammengeführt; Änderungen an denselben Zeilen warten auf Sie</translation>
    </message>
    <message>
        <source>you will be asked to choose</source>
        <translation>Sie werden gefragt, was gelten soll</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Working offline: changes wait here until you turn off File → Work Offline.</source>
        <translation>Offline-Arbeit: Änderungen warten hier, bis Sie Datei → Offline arbeiten ausschalten.</translation>
    </message>
    <message numerus="yes">
        <source>the first %n listed, in the order they are sent</source>
        <translation>
            <numerusform>die erste hier aufgeführt, in der Reihenfolge des Sendens</numerusform>
            <numerusform>die ersten %n hier aufgeführt, in der Reihenfolge des Sendens</numerusform>
        </translation>
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
    <message>
        <source>When a field was changed on two devices before they synced, these rules decide. They are kept with your account, so every device follows them. Text is always merged line by line; changes to the same lines wait for you.</source>
        <translation>Wenn ein Feld auf zwei Geräten geändert wurde, bevor sie sich synchronisiert haben, entscheiden diese Regeln. Sie werden mit Ihrem Konto gespeichert, sodass jedes Gerät ihnen folgt. Text wird immer Zeile für Zeile zusammengeführt; Änderungen an denselben Zeilen warten auf Sie.</translation>
    </message>
    <message>
        <source>Later edit wins</source>
        <translation>Spätere Änderung gewinnt</translation>
    </message>
    <message>
        <source>Always ask me</source>
        <translation>Immer mich fragen</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>The conflict rules could not be saved: %1</source>
        <translation>Die Konfliktregeln konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>How your other devices name this one in conflicts and histories</source>
        <translation>So nennen Ihre anderen Geräte dieses Gerät in Konflikten und Verläufen</translation>
    </message>
    <message>
        <source>This device&apos;s &amp;name:</source>
        <translation>&amp;Name dieses Geräts:</translation>
    </message>
    <message>
        <source>&amp;Devices signed in to this account:</source>
        <translation>&amp;Geräte, die bei diesem Konto angemeldet sind:</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzter Abgleich</translation>
    </message>
    <message>
        <source>Sign Out &amp;Device</source>
        <translation>&amp;Gerät abmelden</translation>
    </message>
    <message>
        <source>The device stops syncing until it signs in again (a lost or sold one)</source>
        <translation>Das Gerät gleicht nicht mehr ab, bis es sich wieder anmeldet (ein verlorenes oder verkauftes)</translation>
    </message>
    <message>
        <source>C&amp;hange Password…</source>
        <translation>Passwort ä&amp;ndern…</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Every device, this one included, is signed out by a new password; this one signs in again with it at once, the others when you sign them in.</source>
        <translation>Ein neues Passwort meldet jedes Gerät ab, auch dieses; dieses meldet sich sofort damit wieder an, die anderen, wenn Sie sie anmelden.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>The new password needs at least 8 characters.</source>
        <translation>Das neue Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (dieses Gerät)</translation>
    </message>
    <message>
        <source>Could not change the password: %1</source>
        <translation>Das Passwort konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Password changed: your other devices sign in again with the new one.</source>
        <translation>Passwort geändert: Ihre anderen Geräte melden sich mit dem neuen wieder an.</translation>
    </message>
    <message>
        <source>Could not sign the device out: %1</source>
        <translation>Das Gerät konnte nicht abgemeldet werden: %1</translation>
    </message>
    <message>
        <source>The device is signed out: it syncs again once it signs in.</source>
        <translation>Das Gerät ist abgemeldet: Es gleicht wieder ab, sobald es sich anmeldet.</translation>
    </message>
    <message>
        <source>Could not list the account&apos;s devices: %1</source>
        <translation>Die Geräte des Kontos konnten nicht gelesen werden: %1</translation>
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
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
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
    <message>
        <source>&amp;Subtasks (%1/%2)</source>
        <translation>Unter&amp;aufgaben (%1/%2)</translation>
    </message>
    <message>
        <source>This task was changed here and on another device at once. Nothing is lost: both versions are kept until you choose.</source>
        <translation>Diese Aufgabe wurde hier und auf einem anderen Gerät zugleich geändert. Nichts geht verloren: Beide Fassungen bleiben, bis Sie wählen.</translation>
    </message>
</context>
</TS>
