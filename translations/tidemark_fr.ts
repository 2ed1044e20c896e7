<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConflictResolver</name>
    <message>
        <source>%1 (other version)</source>
        <translation>%1 (autre version)</translation>
    </message>
</context>
<context>
    <name>ItemWords</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>étiquettes</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Date d’échéance</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>date d’échéance</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>priorité</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>collection</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Épinglée</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>épinglage</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <source>archive state</source>
        <translation>archivage</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>done state</source>
        <translation>état terminé</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>place in the Trash</source>
        <translation>mise à la corbeille</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>repetition</source>
        <translation>répétition</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>position</source>
        <translation>position</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>couleur</translation>
    </message>
    <message>
        <source>Parent task</source>
        <translation>Tâche parente</translation>
    </message>
    <message>
        <source>parent task</source>
        <translation>tâche parente</translation>
    </message>
    <message>
        <source>Parent collection</source>
        <translation>Collection parente</translation>
    </message>
    <message>
        <source>parent collection</source>
        <translation>collection parente</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>the last of several fields</comment>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>one of several fields</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>cet appareil</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>un autre appareil</translation>
    </message>
    <message>
        <source>in the Trash</source>
        <translation>dans la corbeille</translation>
    </message>
    <message>
        <source>not in the Trash</source>
        <translation>hors de la corbeille</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>non terminée</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>terminée le %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>no collection</source>
        <translation>aucune collection</translation>
    </message>
    <message>
        <source>a collection no longer here</source>
        <translation>une collection qui n’existe plus</translation>
    </message>
    <message>
        <source>no parent</source>
        <translation>aucun parent</translation>
    </message>
    <message>
        <source>an item no longer here</source>
        <translation>un élément qui n’existe plus</translation>
    </message>
    <message>
        <source>no priority</source>
        <translation>aucune priorité</translation>
    </message>
    <message>
        <source>low</source>
        <translation>basse</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <source>high</source>
        <translation>haute</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>aucune échéance</translation>
    </message>
    <message>
        <source>does not repeat</source>
        <translation>aucune répétition</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>quotidienne</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>hebdomadaire</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>mensuelle</translation>
    </message>
    <message>
        <source>yearly</source>
        <translation>annuelle</translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>tous les jours</numerusform>
            <numerusform>tous les %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s)</source>
        <translation>
            <numerusform>toutes les semaines</numerusform>
            <numerusform>toutes les %n semaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n month(s)</source>
        <translation>
            <numerusform>tous les mois</numerusform>
            <numerusform>tous les %n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n year(s)</source>
        <translation>
            <numerusform>tous les ans</numerusform>
            <numerusform>tous les %n ans</numerusform>
        </translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>aucune étiquette</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1 of “%2”</source>
        <comment>a field of an item</comment>
        <translation>%1 de « %2 »</translation>
    </message>
    <message>
        <source>This task</source>
        <translation>Cette tâche</translation>
    </message>
    <message>
        <source>This collection</source>
        <translation>Cette collection</translation>
    </message>
    <message>
        <source>This note</source>
        <translation>Cette note</translation>
    </message>
    <message>
        <source>%1 was decided on %2 at %3: %4 kept.</source>
        <translation>%1 : décision prise sur %2 à %3 ; valeur gardée : %4.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3; the later one was kept: %4.</source>
        <translation>%1 : modifications sur %2 et sur %3 ; la plus récente a été gardée : %4.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3; the later one was kept.</source>
        <translation>%1 : modifications sur %2 et sur %3 ; la plus récente a été gardée.</translation>
    </message>
    <message>
        <source>%1 changed on %2 (%3) and on %4 (%5).</source>
        <translation>%1 : modifications sur %2 (%3) et sur %4 (%5).</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3 in different places; both edits were merged.</source>
        <translation>%1 : modifications sur %2 et sur %3 à des endroits différents ; les deux ont été fusionnées.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3 in the same lines; both versions are kept.</source>
        <translation>%1 : modifications sur %2 et sur %3 dans les mêmes lignes ; les deux versions sont gardées.</translation>
    </message>
    <message>
        <source>%1 was moved to the Trash on one device and edited on another; the edit brought it back.</source>
        <translation>%1 : mise à la corbeille sur un appareil et modification sur un autre ; la modification a fait revenir l’élément.</translation>
    </message>
    <message>
        <source>%1 was edited on one device and moved to the Trash on another; it stays, because an edit beats a delete.</source>
        <translation>%1 : modification sur un appareil et mise à la corbeille sur un autre ; l’élément reste, car une modification l’emporte sur une suppression.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3; tags added on either side were kept.</source>
        <translation>%1 : modifications sur %2 et sur %3 ; les étiquettes ajoutées de part et d’autre ont été gardées.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and on %3.</source>
        <translation>%1 : modifications sur %2 et sur %3.</translation>
    </message>
    <message>
        <source>Waiting for you to choose.</source>
        <translation>En attente de votre choix.</translation>
    </message>
    <message>
        <source>Since decided by a person.</source>
        <translation>Tranché depuis par une personne.</translation>
    </message>
    <message>
        <source>the later edit wins</source>
        <translation>la modification la plus récente l’emporte</translation>
    </message>
    <message>
        <source>always ask me (your setting for this field)</source>
        <translation>toujours me demander (votre réglage pour ce champ)</translation>
    </message>
    <message>
        <source>the earlier version is no longer known, so you choose</source>
        <translation>la version antérieure n’est plus connue, c’est donc vous qui choisissez</translation>
    </message>
    <message>
        <source>edits in different places are merged</source>
        <translation>les modifications à des endroits différents sont fusionnées</translation>
    </message>
    <message>
        <source>edits of the same lines wait for you</source>
        <translation>les modifications des mêmes lignes vous attendent</translation>
    </message>
    <message>
        <source>the earlier text is no longer known, so you choose</source>
        <translation>le texte antérieur n’est plus connu, c’est donc vous qui choisissez</translation>
    </message>
    <message>
        <source>an edit brings a deleted item back</source>
        <translation>une modification fait revenir un élément supprimé</translation>
    </message>
    <message>
        <source>an edit beats a delete</source>
        <translation>une modification l’emporte sur une suppression</translation>
    </message>
    <message>
        <source>tags added on either side are kept</source>
        <translation>les étiquettes ajoutées de part et d’autre sont gardées</translation>
    </message>
    <message>
        <source>the later move wins</source>
        <translation>le déplacement le plus récent l’emporte</translation>
    </message>
    <message>
        <source>a person&apos;s choice</source>
        <translation>le choix d’une personne</translation>
    </message>
    <message>
        <source>waiting for you</source>
        <translation>en attente de votre choix</translation>
    </message>
    <message>
        <source>chosen by a person</source>
        <translation>choisi par une personne</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusionné</translation>
    </message>
    <message>
        <source>one side kept</source>
        <translation>un côté gardé</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>réglé</translation>
    </message>
    <message>
        <source>then decided by a person</source>
        <translation>puis tranché par une personne</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a person&apos;s text quoted in a sentence</comment>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>%1: a choice was undone on %2 at %3; %4 is back.</source>
        <translation>%1 : un choix a été annulé le %2 à %3 ; %4 est de retour.</translation>
    </message>
    <message>
        <source>Undone since.</source>
        <translation>Annulé depuis.</translation>
    </message>
    <message>
        <source>a person undid a choice</source>
        <translation>une personne a annulé un choix</translation>
    </message>
    <message>
        <source>undone by a person</source>
        <translation>annulé par une personne</translation>
    </message>
    <message>
        <source>chosen by a person, then undone</source>
        <translation>choisi par une personne, puis annulé</translation>
    </message>
    <message numerus="yes">
        <source>%1: a choice was undone on %2 at %3; the version back has %n line(s) and starts %4.</source>
        <translation>
            <numerusform>%1 : un choix a été annulé le %2 à %3 ; la version revenue a %n ligne et commence par %4.</numerusform>
            <numerusform>%1 : un choix a été annulé le %2 à %3 ; la version revenue a %n lignes et commence par %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was decided on %2 at %3: the version kept has %n line(s) and starts %4.</source>
        <translation>
            <numerusform>%1 a été décidé le %2 à %3 : la version gardée a %n ligne et commence par %4.</numerusform>
            <numerusform>%1 a été décidé le %2 à %3 : la version gardée a %n lignes et commence par %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its lines differ from the other version.</source>
        <translation>
            <numerusform>%n de ses lignes diffère de l’autre version.</numerusform>
            <numerusform>%n de ses lignes diffèrent de l’autre version.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tidemark: offline-first notes and tasks.</source>
        <translation>Tidemark : des notes et des tâches qui fonctionnent hors ligne.</translation>
    </message>
    <message>
        <source>Use the store at PATH.</source>
        <translation>Utiliser la base de données située à PATH.</translation>
    </message>
    <message>
        <source>Start with a new note.</source>
        <translation>Démarrer avec une nouvelle note.</translation>
    </message>
    <message>
        <source>Start with a new task.</source>
        <translation>Démarrer avec une nouvelle tâche.</translation>
    </message>
    <message>
        <source>Write a PNG of the main window to FILE once it is shown.</source>
        <translation>Enregistrer une image PNG de la fenêtre principale dans FILE dès qu’elle est affichée.</translation>
    </message>
    <message>
        <source>Write PNGs of the main views into DIR, then quit.</source>
        <translation>Enregistrer des images PNG des vues principales dans DIR, puis quitter.</translation>
    </message>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
    <message>
        <source>Tidemark cannot open its notes at %1:
%2</source>
        <translation>Tidemark ne peut pas ouvrir ses notes dans %1 :
%2</translation>
    </message>
</context>
<context>
    <name>tidemark::model::CollectionTreeModel</name>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1 : %n élément</numerusform>
            <numerusform>%1 : %n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::AuditDialog</name>
    <message>
        <source>Audit Trail</source>
        <translation>Journal des conflits</translation>
    </message>
    <message>
        <source>Every conflict of this account: what collided, the rule that decided it, and who decided it when. Undoing a choice puts back what stood before it, on every device, and the conflict it settled waits for you again.</source>
        <translation>Chaque conflit de ce compte : ce qui s’est heurté, la règle qui a décidé et qui a décidé quand. Annuler un choix remet, sur chaque appareil, ce qui était là avant, et le conflit qu’il avait réglé vous attend de nouveau.</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>&amp;Élément :</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Appareil :</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Règle :</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Issue :</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Tous les éléments</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Tous les appareils</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Toutes les règles</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Toutes les issues</translation>
    </message>
    <message>
        <source>No conflicts yet: your devices have always agreed.</source>
        <translation>Aucun conflit pour l’instant : vos appareils ont toujours été d’accord.</translation>
    </message>
    <message>
        <source>Select an event to see both values.</source>
        <translation>Sélectionnez un événement pour voir les deux valeurs.</translation>
    </message>
    <message>
        <source>Chosen:</source>
        <translation>Choisi :</translation>
    </message>
    <message>
        <source>Replaced:</source>
        <translation>Remplacé :</translation>
    </message>
    <message>
        <source>Chosen on:</source>
        <translation>Choisi sur :</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>It settled:</source>
        <translation>Conflit réglé :</translation>
    </message>
    <message>
        <source>Mine (%1):</source>
        <translation>La mienne (%1) :</translation>
    </message>
    <message>
        <source>Theirs (%1):</source>
        <translation>L’autre (%1) :</translation>
    </message>
    <message>
        <source>Base:</source>
        <translation>Origine :</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Règle :</translation>
    </message>
    <message>
        <source>nobody yet: waiting for you</source>
        <translation>personne pour l’instant : en attente de votre choix</translation>
    </message>
    <message>
        <source>the rule, when the server met both sides at %1</source>
        <translation>la règle, quand le serveur a reçu les deux côtés à %1</translation>
    </message>
    <message>
        <source>%1 at %2, keeping %3</source>
        <translation>%1 à %2, en gardant %3</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Décidé par :</translation>
    </message>
    <message>
        <source>Put back %1 as the %2, on every device</source>
        <translation>Rétablir %1 (%2), sur tous les appareils</translation>
    </message>
    <message>
        <source>Cannot Undo</source>
        <translation>Annulation impossible</translation>
    </message>
    <message>
        <source>Undo This Choice</source>
        <translation>Annuler ce choix</translation>
    </message>
    <message>
        <source>Put back:</source>
        <translation>Remis :</translation>
    </message>
    <message>
        <source>It undid:</source>
        <translation>A annulé :</translation>
    </message>
    <message>
        <source>Use the Other Value</source>
        <translation>Utiliser l’autre valeur</translation>
    </message>
    <message>
        <source>This choice was undone: the conflict it settled was back as it was.</source>
        <translation>Ce choix a été annulé : le conflit qu’il avait réglé est revenu tel qu’il était.</translation>
    </message>
    <message>
        <source>An undo is not undone: decide the conflict again instead.</source>
        <translation>Une annulation ne s’annule pas : décidez plutôt le conflit à nouveau.</translation>
    </message>
    <message>
        <source>This cannot be undone in one step: the %1 changed since. Open the item&apos;s history to bring back a version.</source>
        <translation>Impossible d’annuler en une étape : %1 a changé depuis. Ouvrez l’historique de l’élément pour rétablir une version.</translation>
    </message>
    <message>
        <source>Nothing to undo here.</source>
        <translation>Rien à annuler ici.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConflictBar</name>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConflictCentre</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Audit Trail…</source>
        <translation>Journal des conflits…</translation>
    </message>
    <message>
        <source>Every conflict of the account, with both values and how each was settled</source>
        <translation>Tous les conflits du compte, avec les deux valeurs et la façon dont chacun a été réglé</translation>
    </message>
    <message>
        <source>Could not read the conflicts: %1</source>
        <translation>Impossible de lire les conflits : %1</translation>
    </message>
    <message>
        <source>No conflicts: your devices agree. When two devices change the same thing while apart, it shows here, with what decided it.</source>
        <translation>Aucun conflit : vos appareils sont d’accord. Quand deux appareils modifient la même chose chacun de leur côté, cela apparaît ici, avec ce qui a tranché.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for you</source>
        <translation>
            <numerusform>%n vous attend</numerusform>
            <numerusform>%n vous attendent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settled in the last 30 days</source>
        <translation>
            <numerusform>%n réglé au cours des 30 derniers jours</numerusform>
            <numerusform>%n réglés au cours des 30 derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>En attente de votre choix</translation>
    </message>
    <message>
        <source>Settled in the last 30 days</source>
        <translation>Réglés au cours des 30 derniers jours</translation>
    </message>
    <message>
        <source>Rule: %1 · %2</source>
        <translation>Règle : %1 · %2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show the item</source>
        <translation>Afficher l’élément</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <source>Compare both versions and choose</source>
        <translation>Comparer les deux versions et choisir</translation>
    </message>
    <message>
        <source>Put back %1 as the %2, on every device</source>
        <translation>Rétablir %1 (%2), sur tous les appareils</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Use the Other Value</source>
        <translation>Utiliser l’autre valeur</translation>
    </message>
    <message>
        <source>The conflict it settled waits for you again.</source>
        <translation>Le conflit qu’il avait réglé vous attend à nouveau.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::DiffWriter</name>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n ligne inchangée</numerusform>
            <numerusform>⋯ %n lignes inchangées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::GlobalShortcut</name>
    <message>
        <source>Quick Entry</source>
        <translation>Saisie rapide</translation>
    </message>
    <message>
        <source>This desktop offers no global shortcuts (no KDE global shortcut service on the session bus).</source>
        <translation>Ce bureau n’offre pas de raccourcis globaux (pas de service de raccourcis globaux KDE sur le bus de session).</translation>
    </message>
    <message>
        <source>The desktop did not take the global shortcut (another program may have the keys).</source>
        <translation>Le bureau n’a pas pris le raccourci global (un autre programme a peut-être ces touches).</translation>
    </message>
    <message>
        <source>This build of Tidemark has no global shortcuts (KDE Frameworks GlobalAccel was not found).</source>
        <translation>Cette version de Tidemark n’a pas de raccourcis globaux (KDE Frameworks GlobalAccel est introuvable).</translation>
    </message>
    <message>
        <source>Quick Entry from anywhere on the desktop: %1 (change it in the desktop&apos;s shortcut settings).</source>
        <translation>Saisie rapide depuis tout le bureau : %1 (à changer dans les réglages de raccourcis du bureau).</translation>
    </message>
    <message>
        <source>Quick Entry from anywhere: not available. %1 Inside Tidemark, use %2 or the tray icon.</source>
        <translation>Saisie rapide depuis tout le bureau : indisponible. %1 Dans Tidemark, utilisez %2 ou l’icône de la zone de notification.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::HistoryDialog</name>
    <message>
        <source>Versions and conflicts, newest first</source>
        <translation>Versions et conflits, les plus récents d’abord</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>Unifié</translation>
    </message>
    <message>
        <source>Removed and added lines one under the other</source>
        <translation>Lignes supprimées et ajoutées l’une sous l’autre</translation>
    </message>
    <message>
        <source>The earlier version on the left, this one on the right</source>
        <translation>La version précédente à gauche, celle-ci à droite</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>&amp;Restore This Version</source>
        <translation>&amp;Restaurer cette version</translation>
    </message>
    <message>
        <source>Untitled task</source>
        <translation>Tâche sans titre</translation>
    </message>
    <message>
        <source>Untitled note</source>
        <translation>Note sans titre</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>Historique de « %1 »</translation>
    </message>
    <message>
        <source>“%1” has no history on this device.</source>
        <translation>« %1 » n’a pas d’historique sur cet appareil.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Oldest version kept</source>
        <translation>Plus ancienne version conservée</translation>
    </message>
    <message>
        <source>Restored version %1</source>
        <translation>Version %1 restaurée</translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
        <translation>Version antérieure restaurée</translation>
    </message>
    <message>
        <source>Conflict resolved</source>
        <translation>Conflit résolu</translation>
    </message>
    <message>
        <source>Moved to the Trash</source>
        <translation>Mise à la corbeille</translation>
    </message>
    <message>
        <source>Restored from the Trash</source>
        <translation>Restaurée depuis la corbeille</translation>
    </message>
    <message>
        <source>Marked done</source>
        <translation>Marquée comme terminée</translation>
    </message>
    <message>
        <source>Marked not done</source>
        <translation>Marquée comme non terminée</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Épinglée</translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation>Désépinglée</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <source>Taken out of the archive</source>
        <translation>Sortie des archives</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>Déplacée vers %1</translation>
    </message>
    <message>
        <source>Taken out of its collection</source>
        <translation>Retirée de sa collection</translation>
    </message>
    <message>
        <source>Moved in the list</source>
        <translation>Déplacée dans la liste</translation>
    </message>
    <message>
        <source>Saved without changes</source>
        <translation>Enregistrée sans modification</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>Modifié : %1</translation>
    </message>
    <message>
        <source>Version %1 (current)</source>
        <translation>Version %1 (actuelle)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Open conflict</source>
        <translation>Conflit ouvert</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Settled automatically</source>
        <translation>Réglé automatiquement</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vide</translation>
    </message>
    <message>
        <source>Moved to another place in the list.</source>
        <translation>Déplacée à un autre endroit de la liste.</translation>
    </message>
    <message>
        <source>Version %1 compared with version %2</source>
        <translation>Version %1 comparée à la version %2</translation>
    </message>
    <message>
        <source>Version %1, as it was created</source>
        <translation>Version %1, telle qu’elle a été créée</translation>
    </message>
    <message>
        <source>Nothing you can see changed in this version.</source>
        <translation>Rien de visible n’a changé dans cette version.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>No versions</source>
        <translation>Aucune version</translation>
    </message>
    <message>
        <source>Choose a version on the left.</source>
        <translation>Choisissez une version à gauche.</translation>
    </message>
    <message>
        <source>Choose a version to restore</source>
        <translation>Choisissez une version à restaurer</translation>
    </message>
    <message>
        <source>This is the current version</source>
        <translation>C’est la version actuelle</translation>
    </message>
    <message>
        <source>The current version is the same as this one</source>
        <translation>La version actuelle est identique à celle-ci</translation>
    </message>
    <message>
        <source>Make version %1 the current one again: a new version, which can itself be undone by restoring the one before it</source>
        <translation>Faire de nouveau de la version %1 la version actuelle : cela crée une nouvelle version, elle-même annulable en restaurant celle d’avant</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Version %1 could not be restored: %2</source>
        <translation>Impossible de restaurer la version %1 : %2</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ItemDelegate</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Demain</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
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
        <translation>Nouvelle &amp;note</translation>
    </message>
    <message>
        <source>New &amp;Task</source>
        <translation>Nouvelle &amp;tâche</translation>
    </message>
    <message>
        <source>New &amp;Collection…</source>
        <translation>Nouvelle &amp;collection…</translation>
    </message>
    <message>
        <source>&amp;Quick Entry…</source>
        <translation>Saisie &amp;rapide…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <source>&amp;Rename Collection…</source>
        <translation>Re&amp;nommer la collection…</translation>
    </message>
    <message>
        <source>Delete Co&amp;llection</source>
        <translation>&amp;Supprimer la collection</translation>
    </message>
    <message>
        <source>&amp;Move To…</source>
        <translation>&amp;Déplacer vers…</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>Mettre à la &amp;corbeille</translation>
    </message>
    <message>
        <source>R&amp;estore</source>
        <translation>R&amp;estaurer</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>&amp;Vider la corbeille…</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Marquer comme &amp;terminé</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>É&amp;pingler</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Go to &amp;Sidebar</source>
        <translation>Aller à la &amp;barre latérale</translation>
    </message>
    <message>
        <source>Go to &amp;List</source>
        <translation>Aller à la &amp;liste</translation>
    </message>
    <message>
        <source>Go to &amp;Editor</source>
        <translation>Aller à l’é&amp;diteur</translation>
    </message>
    <message>
        <source>All Items</source>
        <translation>Tous les éléments</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Tidemark</source>
        <translation>À &amp;propos de Tidemark</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message numerus="yes">
        <source>Erase the %n item(s) in the Trash from this computer? This cannot be undone.</source>
        <translation>
            <numerusform>Effacer définitivement de cet ordinateur %n élément de la corbeille ? Cette action est irréversible.</numerusform>
            <numerusform>Effacer définitivement de cet ordinateur les %n éléments de la corbeille ? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) erased</source>
        <translation>
            <numerusform>%n élément effacé</numerusform>
            <numerusform>%n éléments effacés</numerusform>
        </translation>
    </message>
    <message>
        <source>(No collection)</source>
        <translation>(Aucune collection)</translation>
    </message>
    <message>
        <source>Move To</source>
        <translation>Déplacer vers</translation>
    </message>
    <message>
        <source>Collection:</source>
        <translation>Collection :</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Nouvelle collection</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation>Renommer la collection</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>Supprimer la collection</translation>
    </message>
    <message>
        <source>Delete this collection? Its notes and tasks stay, without a collection.</source>
        <translation>Supprimer cette collection ? Ses notes et ses tâches sont conservées, sans collection.</translation>
    </message>
    <message>
        <source>Added “%1”</source>
        <translation>Ajouté : « %1 »</translation>
    </message>
    <message>
        <source>About Tidemark</source>
        <translation>À propos de Tidemark</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tidemark %1&lt;/h3&gt;&lt;p&gt;Offline-first notes and tasks.&lt;/p&gt;&lt;p&gt;Everything you write is kept on this computer first; a sync server of your own keeps your devices in step.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tidemark %1&lt;/h3&gt;&lt;p&gt;Des notes et des tâches qui fonctionnent hors ligne.&lt;/p&gt;&lt;p&gt;Tout ce que vous écrivez est d’abord conservé sur cet ordinateur ; votre propre serveur de synchronisation maintient vos appareils à jour.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Barre latérale</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Search notes and tasks</source>
        <translation>Rechercher dans les notes et les tâches</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Select a note or task, or press %1 for a new note.</source>
        <translation>Sélectionnez une note ou une tâche, ou appuyez sur %1 pour créer une note.</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Local uniquement</translation>
    </message>
    <message>
        <source>No sync server is set up: everything is kept on this computer.</source>
        <translation>Aucun serveur de synchronisation n’est configuré : tout est conservé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>Toutes les modifications sont envoyées</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent</source>
        <translation>
            <numerusform>%n modification non envoyée</numerusform>
            <numerusform>%n modifications non envoyées</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré à %1</translation>
    </message>
    <message>
        <source>Could not do that: %1</source>
        <translation>Action impossible : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Tous les éléments</translation>
    </message>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <source>&amp;Work Offline</source>
        <translation>&amp;Travailler hors ligne</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Reconnectez-vous</translation>
    </message>
    <message>
        <source>The server no longer accepts this device: sign in again in Settings → Sync. Nothing is lost; your changes wait here.</source>
        <translation>Le serveur n’accepte plus cet appareil : reconnectez-vous dans Paramètres → Synchronisation. Rien n’est perdu ; vos modifications attendent ici.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synchronisé à %1</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Travail hors ligne</translation>
    </message>
    <message>
        <source>Nothing is sent or fetched until you turn Work Offline off.</source>
        <translation>Rien n’est envoyé ni reçu tant que « Travailler hors ligne » est activé.</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Échec de la synchronisation</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Synchronisation arrêtée</translation>
    </message>
    <message>
        <source>%1 Next try at %2.</source>
        <translation>%1 Prochain essai à %2.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Échec de la synchronisation : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) need you: see Conflicts in the sidebar</source>
        <translation>
            <numerusform>%n conflit vous attend : voir Conflits dans la barre latérale</numerusform>
            <numerusform>%n conflits vous attendent : voir Conflits dans la barre latérale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from your other devices</source>
        <translation>
            <numerusform>%n modification de vos autres appareils</numerusform>
            <numerusform>%n modifications de vos autres appareils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept for sync</source>
        <translation>
            <numerusform>%n modification gardée pour la synchronisation</numerusform>
            <numerusform>%n modifications gardées pour la synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync &amp;Diagnostics…</source>
        <translation>&amp;Diagnostic de synchronisation…</translation>
    </message>
    <message>
        <source>Nothing here yet.

Press %1 for a note or %2 for a task.</source>
        <translation>Rien ici pour l’instant.

Appuyez sur %1 pour une note ou %2 pour une tâche.</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>Rien à faire aujourd’hui.</translation>
    </message>
    <message>
        <source>Nothing coming up. Tasks with a later due date show here.</source>
        <translation>Rien à venir. Les tâches à échéance plus lointaine s’affichent ici.</translation>
    </message>
    <message>
        <source>No finished tasks yet.</source>
        <translation>Aucune tâche terminée pour l’instant.</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <source>Every change has reached the server.</source>
        <translation>Toutes les modifications sont arrivées sur le serveur.</translation>
    </message>
    <message>
        <source>No conflicts: your devices agree.</source>
        <translation>Aucun conflit : vos appareils sont d’accord.</translation>
    </message>
    <message>
        <source>Show &amp;History…</source>
        <translation>Af&amp;ficher l’historique…</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflits</translation>
    </message>
    <message>
        <source>&amp;Pending Changes</source>
        <translation>Modifications en &amp;attente</translation>
    </message>
    <message>
        <source>&amp;Audit Trail…</source>
        <translation>&amp;Journal des conflits…</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Mark Done</source>
        <translation>Marquer comme terminé</translation>
    </message>
    <message>
        <source>Mark Not Done</source>
        <translation>Marquer comme non terminé</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>%1 %2 undoes it.</source>
        <translation>%1 %2 l’annule.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Rien à rétablir.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>Rétabli : %1.</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Annulé : %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) had changed since and keep their newer values.</source>
        <translation>
            <numerusform>%n élément avait changé depuis et garde sa valeur plus récente.</numerusform>
            <numerusform>%n éléments avaient changé depuis et gardent leurs valeurs plus récentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Redo Typing</source>
        <translation>&amp;Rétablir la saisie</translation>
    </message>
    <message>
        <source>&amp;Undo Typing</source>
        <translation>&amp;Annuler la saisie</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir : %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to the Trash.</source>
        <translation>
            <numerusform>%n élément mis à la corbeille.</numerusform>
            <numerusform>%n éléments mis à la corbeille.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) restored.</source>
        <translation>
            <numerusform>%n élément restauré.</numerusform>
            <numerusform>%n éléments restaurés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) marked done.</source>
        <translation>
            <numerusform>%n tâche marquée comme terminée.</numerusform>
            <numerusform>%n tâches marquées comme terminées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) marked not done.</source>
        <translation>
            <numerusform>%n tâche marquée comme non terminée.</numerusform>
            <numerusform>%n tâches marquées comme non terminées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) pinned.</source>
        <translation>
            <numerusform>%n note épinglée.</numerusform>
            <numerusform>%n notes épinglées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) unpinned.</source>
        <translation>
            <numerusform>%n note désépinglée.</numerusform>
            <numerusform>%n notes désépinglées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to %1.</source>
        <translation>
            <numerusform>%n élément déplacé vers %1.</numerusform>
            <numerusform>%n éléments déplacés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>no collection</source>
        <translation>aucune collection</translation>
    </message>
    <message>
        <source>Collection “%1” deleted; its notes and tasks are in All Items.</source>
        <translation>Collection « %1 » supprimée ; ses notes et tâches sont dans Tous les éléments.</translation>
    </message>
    <message>
        <source>No archived notes. Archive a note (%1) to take it out of All items and keep it.</source>
        <translation>Aucune note archivée. Archivez une note (%1) pour la retirer de Tous les éléments et la garder.</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archives</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>&amp;Désarchiver</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Désarchiver</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) archived.</source>
        <translation>
            <numerusform>%n note archivée.</numerusform>
            <numerusform>%n notes archivées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) back from the Archive.</source>
        <translation>
            <numerusform>%n note sortie des archives.</numerusform>
            <numerusform>%n notes sorties des archives.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MergeDialog</name>
    <message>
        <source>Merge “%1”</source>
        <translation>Fusionner « %1 »</translation>
    </message>
    <message>
        <source>%1 of “%2” was changed on %3 and on %4. Parts only one side changed are already taken from it; choose what to keep where both changed, or edit the Result.</source>
        <translation>%1 de « %2 » a été modifié sur %3 et sur %4. Les parties modifiées d’un seul côté sont déjà reprises ; choisissez quoi garder là où les deux ont changé, ou modifiez le résultat.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Take Mine</source>
        <translation>Prendre la mienne</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>Prendre l’autre</translation>
    </message>
    <message>
        <source>Both, Mine First</source>
        <translation>Les deux, la mienne d’abord</translation>
    </message>
    <message>
        <source>Both, Theirs First</source>
        <translation>Les deux, l’autre d’abord</translation>
    </message>
    <message>
        <source>Show Base</source>
        <translation>Afficher l’origine</translation>
    </message>
    <message>
        <source>The text as it was before either change</source>
        <translation>Le texte tel qu’il était avant les deux modifications</translation>
    </message>
    <message>
        <source>Base (before both changes)</source>
        <translation>Origine (avant les deux modifications)</translation>
    </message>
    <message>
        <source>Mine: %1</source>
        <translation>La mienne : %1</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Theirs: %1</source>
        <translation>L’autre : %1</translation>
    </message>
    <message>
        <source>Keep Both as Separate Items</source>
        <translation>Garder les deux comme éléments séparés</translation>
    </message>
    <message>
        <source>Keep this version here and save the other one as a new item</source>
        <translation>Garder cette version ici et enregistrer l’autre comme nouvel élément</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>The two versions are the same.</source>
        <translation>Les deux versions sont identiques.</translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation>Partie %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n to decide</source>
        <translation>
            <numerusform>%n à décider</numerusform>
            <numerusform>%n à décider</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose for every part both sides changed, or edit the Result</source>
        <translation>Choisissez pour chaque partie modifiée des deux côtés, ou modifiez le résultat</translation>
    </message>
    <message>
        <source>“%1” was changed on %2 and on %3, and these fields got different values. Choose the value to keep for each; every device will show it.</source>
        <translation>« %1 » a été modifié sur %2 et sur %3, et ces champs ont reçu des valeurs différentes. Choisissez la valeur à garder pour chacun ; tous les appareils l’afficheront.</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Autres champs</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Keep the value from %1</source>
        <translation>Garder la valeur de %1</translation>
    </message>
    <message>
        <source>Save your choices, on every device</source>
        <translation>Enregistrer vos choix, sur tous les appareils</translation>
    </message>
    <message>
        <source>Choose a value for every field</source>
        <translation>Choisissez une valeur pour chaque champ</translation>
    </message>
    <message>
        <source>Choose a value for every field first</source>
        <translation>Choisissez d&apos;abord une valeur pour chaque champ</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::NoteEditor</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Title (or the first heading)</source>
        <translation>Titre (ou le premier titre du texte)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texte de la note</translation>
    </message>
    <message>
        <source>Write in Markdown…</source>
        <translation>Écrivez en Markdown…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistrée : %1</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1 sur %2 au plus</translation>
    </message>
    <message>
        <source>shown without highlighting (over %1)</source>
        <translation>affichée sans coloration (plus de %1)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistrée à %1</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Modifiée le %1</translation>
    </message>
    <message>
        <source>In the Trash: restore it to edit.</source>
        <translation>Dans la corbeille : restaurez-la pour la modifier.</translation>
    </message>
    <message>
        <source>This note was changed here and on another device in the same place. Nothing is lost: both versions are kept until you choose.</source>
        <translation>Cette note a été modifiée ici et sur un autre appareil au même endroit. Rien n’est perdu : les deux versions sont gardées jusqu’à votre choix.</translation>
    </message>
    <message>
        <source>This conflict was settled on another device meanwhile.</source>
        <translation>Ce conflit a été réglé entre-temps sur un autre appareil.</translation>
    </message>
    <message>
        <source>Archived · %1</source>
        <translation>Archivée · %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::PendingView</name>
    <message>
        <source>may conflict</source>
        <translation>conflit possible</translation>
    </message>
    <message>
        <source>&amp;Retry Now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <source>Try to send the waiting changes to the server now</source>
        <translation>Essayer maintenant d’envoyer au serveur les modifications en attente</translation>
    </message>
    <message>
        <source>Changes waiting for the server</source>
        <translation>Modifications en attente du serveur</translation>
    </message>
    <message>
        <source>Everything is sent. Changes made while offline wait here until the server has them.</source>
        <translation>Tout est envoyé. Les modifications faites hors ligne attendent ici que le serveur les reçoive.</translation>
    </message>
    <message>
        <source>Last attempt failed: %1</source>
        <translation>Échec de la dernière tentative : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting for the server</source>
        <translation>
            <numerusform>%n modification en attente du serveur</numerusform>
            <numerusform>%n modifications en attente du serveur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refusée</numerusform>
            <numerusform>%n refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Collection “%1” created here</source>
        <translation>Collection « %1 » créée ici</translation>
    </message>
    <message>
        <source>“%1” created here</source>
        <translation>« %1 » créée ici</translation>
    </message>
    <message>
        <source>“%1” moved to the Trash here</source>
        <translation>« %1 » mise à la corbeille ici</translation>
    </message>
    <message>
        <source>“%1” restored from the Trash here</source>
        <translation>« %1 » restaurée depuis la corbeille ici</translation>
    </message>
    <message>
        <source>“%1” marked not done here</source>
        <translation>« %1 » marquée comme non terminée ici</translation>
    </message>
    <message>
        <source>“%1” marked done here</source>
        <translation>« %1 » marquée comme terminée ici</translation>
    </message>
    <message>
        <source>%1 of “%2” chosen here to settle a conflict</source>
        <translation>%1 de « %2 » : choix fait ici pour régler un conflit</translation>
    </message>
    <message>
        <source>%1 of “%2” changed here</source>
        <translation>%1 de « %2 » : modification faite ici</translation>
    </message>
    <message>
        <source>made at %1</source>
        <translation>faite à %1</translation>
    </message>
    <message>
        <source>made on %1 at %2</source>
        <translation>faite le %1 à %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison indiquée</translation>
    </message>
    <message>
        <source>refused by the server: %1 — it goes again, as the item then is, with your next edit of it</source>
        <translation>refusée par le serveur : %1 — elle repartira avec votre prochaine modification, telle que l’élément sera alors</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>envoi en cours…</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>pas encore envoyée</translation>
    </message>
    <message numerus="yes">
        <source>%n try(s)</source>
        <translation>
            <numerusform>%n essai</numerusform>
            <numerusform>%n essais</numerusform>
        </translation>
    </message>
    <message>
        <source>next try any moment</source>
        <translation>prochain essai d’un instant à l’autre</translation>
    </message>
    <message>
        <source>next try in %1 s</source>
        <translation>prochain essai dans %1 s</translation>
    </message>
    <message>
        <source>next try in %1 min</source>
        <translation>prochain essai dans %1 min</translation>
    </message>
    <message>
        <source>the text is merged line by line; changes to the same lines will wait for you</source>
        <translation>le texte est fusionné ligne par ligne ; les modifications des mêmes lignes vous attendront</translation>
    </message>
    <message>
        <source>you will be asked to choose</source>
        <translation>on vous demandera de choisir</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Working offline: changes wait here until you turn off File → Work Offline.</source>
        <translation>Travail hors ligne : les modifications attendent ici jusqu’à ce que vous désactiviez Fichier → Travailler hors ligne.</translation>
    </message>
    <message numerus="yes">
        <source>the first %n listed, in the order they are sent</source>
        <translation>
            <numerusform>la première listée, dans l’ordre d’envoi</numerusform>
            <numerusform>les %n premières listées, dans l’ordre d’envoi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::QuickEntryDialog</name>
    <message>
        <source>Quick Entry</source>
        <translation>Saisie rapide</translation>
    </message>
    <message>
        <source>What to add</source>
        <translation>Élément à ajouter</translation>
    </message>
    <message>
        <source>Add a task, then press Enter</source>
        <translation>Saisissez une tâche, puis appuyez sur Entrée</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Tâche</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Add a note, then press Enter</source>
        <translation>Saisissez une note, puis appuyez sur Entrée</translation>
    </message>
    <message>
        <source>No collection</source>
        <translation>Aucune collection</translation>
    </message>
    <message>
        <source>Into: %1</source>
        <translation>Destination : %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::Reminders</name>
    <message>
        <source>Due at %1</source>
        <translation>Échéance à %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SearchResultsModel</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Couleurs :</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Editor &amp;font:</source>
        <translation>&amp;Police de l’éditeur :</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>The window is rebuilt in the new language when you press OK.</source>
        <translation>La fenêtre est reconstruite dans la nouvelle langue lorsque vous cliquez sur OK.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>https://notes.example.org</source>
        <translation>https://notes.example.org</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Compte :</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Tidemark keeps everything on this computer. With a Tidemark server of your own, your devices stay in step; without one, Tidemark works locally only.</source>
        <translation>Tidemark garde tout sur cet ordinateur. Avec votre propre serveur Tidemark, vos appareils restent synchronisés ; sans serveur, Tidemark fonctionne uniquement en local.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Create Account</source>
        <translation>&amp;Créer un compte</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Connecté à %1 en tant que %2.</translation>
    </message>
    <message>
        <source>Not signed in: everything stays on this computer.</source>
        <translation>Non connecté : tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The server needs a web address, like https://notes.example.org.</source>
        <translation>Le serveur doit être une adresse web, comme https://notes.example.org.</translation>
    </message>
    <message>
        <source>Enter your account name and password.</source>
        <translation>Saisissez votre nom de compte et votre mot de passe.</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Talking to the server…</source>
        <translation>Connexion au serveur…</translation>
    </message>
    <message>
        <source>%1 (Tidemark)</source>
        <translation>%1 (Tidemark)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Could not create the account: %1</source>
        <translation>Impossible de créer le compte : %1</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Connexion impossible : %1</translation>
    </message>
    <message>
        <source>&amp;Hold sync on metered connections (mobile data) until an unmetered one returns</source>
        <translation>&amp;Suspendre la synchronisation sur les connexions limitées (données mobiles) jusqu’au retour d’une connexion illimitée</translation>
    </message>
    <message>
        <source>No system keychain answered, so the sign-in is kept in %1, readable by you only.</source>
        <translation>Aucun trousseau système n’a répondu : la connexion est donc conservée dans %1, lisible par vous seul.</translation>
    </message>
    <message>
        <source>When a field was changed on two devices before they synced, these rules decide. They are kept with your account, so every device follows them. Text is always merged line by line; changes to the same lines wait for you.</source>
        <translation>Quand un champ a été modifié sur deux appareils avant leur synchronisation, ces règles décident. Elles sont conservées avec votre compte, pour que tous les appareils les suivent. Le texte est toujours fusionné ligne par ligne ; les modifications des mêmes lignes vous attendent.</translation>
    </message>
    <message>
        <source>Later edit wins</source>
        <translation>La modification la plus récente l’emporte</translation>
    </message>
    <message>
        <source>Always ask me</source>
        <translation>Toujours me demander</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>The conflict rules could not be saved: %1</source>
        <translation>Impossible d’enregistrer les règles de conflit : %1</translation>
    </message>
    <message>
        <source>How your other devices name this one in conflicts and histories</source>
        <translation>Le nom que vos autres appareils donnent à celui-ci dans les conflits et les historiques</translation>
    </message>
    <message>
        <source>This device&apos;s &amp;name:</source>
        <translation>&amp;Nom de cet appareil :</translation>
    </message>
    <message>
        <source>&amp;Devices signed in to this account:</source>
        <translation>&amp;Appareils connectés à ce compte :</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>Sign Out &amp;Device</source>
        <translation>Déconnecter l’&amp;appareil</translation>
    </message>
    <message>
        <source>The device stops syncing until it signs in again (a lost or sold one)</source>
        <translation>L’appareil ne se synchronise plus jusqu’à sa prochaine connexion (un appareil perdu ou vendu)</translation>
    </message>
    <message>
        <source>C&amp;hange Password…</source>
        <translation>C&amp;hanger le mot de passe…</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Every device, this one included, is signed out by a new password; this one signs in again with it at once, the others when you sign them in.</source>
        <translation>Un nouveau mot de passe déconnecte chaque appareil, celui-ci compris ; celui-ci se reconnecte aussitôt avec lui, les autres quand vous les connectez.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Mot de passe &amp;actuel :</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-le :</translation>
    </message>
    <message>
        <source>The new password needs at least 8 characters.</source>
        <translation>Le nouveau mot de passe doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Les deux nouveaux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (cet appareil)</translation>
    </message>
    <message>
        <source>Could not change the password: %1</source>
        <translation>Impossible de changer le mot de passe : %1</translation>
    </message>
    <message>
        <source>Password changed: your other devices sign in again with the new one.</source>
        <translation>Mot de passe changé : vos autres appareils se reconnectent avec le nouveau.</translation>
    </message>
    <message>
        <source>Could not sign the device out: %1</source>
        <translation>Impossible de déconnecter l’appareil : %1</translation>
    </message>
    <message>
        <source>The device is signed out: it syncs again once it signs in.</source>
        <translation>L’appareil est déconnecté : il se synchronisera dès qu’il se reconnectera.</translation>
    </message>
    <message>
        <source>Could not list the account&apos;s devices: %1</source>
        <translation>Impossible de lister les appareils du compte : %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::Shell</name>
    <message>
        <source>Due now: %1</source>
        <translation>À faire maintenant : %1</translation>
    </message>
    <message>
        <source>Show Tidemark</source>
        <translation>Afficher Tidemark</translation>
    </message>
    <message>
        <source>Quick Entry…</source>
        <translation>Saisie rapide…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message numerus="yes">
        <source>Tidemark: %n overdue</source>
        <translation>
            <numerusform>Tidemark : %n en retard</numerusform>
            <numerusform>Tidemark : %n en retard</numerusform>
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
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SidebarDelegate</name>
    <message>
        <source>%1 · %2 late</source>
        <translation>%1 · %2 en retard</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SidebarModel</name>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Tous les éléments</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminées</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archives</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SyncDiagnosticsDialog</name>
    <message>
        <source>Sync Diagnostics</source>
        <translation>Diagnostic de synchronisation</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>none: local only</source>
        <translation>aucun : local uniquement</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Dernière synchronisation :</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Sync takes:</source>
        <translation>Durée :</translation>
    </message>
    <message>
        <source>last %1, median %2, 95th percentile %3 (of %4)</source>
        <translation>dernière %1, médiane %2, 95e centile %3 (sur %4)</translation>
    </message>
    <message>
        <source>Syncs:</source>
        <translation>Synchronisations :</translation>
    </message>
    <message>
        <source>%1 completed, %2 failed, %3 retries</source>
        <translation>%1 terminées, %2 échouées, %3 nouvelles tentatives</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Modifications :</translation>
    </message>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>%1 envoyées, %2 reçues</translation>
    </message>
    <message>
        <source>Waiting here:</source>
        <translation>En attente ici :</translation>
    </message>
    <message>
        <source>%1 not sent, %2 refused by the server</source>
        <translation>%1 non envoyées, %2 refusées par le serveur</translation>
    </message>
    <message>
        <source>At server revision:</source>
        <translation>Révision du serveur :</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Dernière erreur :</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Conflicts by rule:</source>
        <translation>Conflits par règle :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::TaskEditor</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>What needs doing?</source>
        <translation>Que faut-il faire ?</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>T&amp;erminée</translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation>A une date d’échéance</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>É&amp;chéance</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Date d’échéance</translation>
    </message>
    <message>
        <source>Has a due time</source>
        <translation>A une heure d’échéance</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>&amp;Heure</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>Heure d’échéance</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Aucune répétition</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Annuelle</translation>
    </message>
    <message>
        <source>Repeat interval</source>
        <translation>Intervalle de répétition</translation>
    </message>
    <message>
        <source>every </source>
        <translation>intervalle : </translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Répéter</translation>
    </message>
    <message>
        <source>Next occurrence</source>
        <translation>Prochaine occurrence</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>Séparées par des virgules</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>Éti&amp;quettes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Notes (Markdown)</source>
        <translation>Notes (Markdown)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Subtasks</source>
        <translation>Sous-tâches</translation>
    </message>
    <message>
        <source>&amp;Subtasks</source>
        <translation>&amp;Sous-tâches</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move subtask up</source>
        <translation>Monter la sous-tâche</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move subtask down</source>
        <translation>Descendre la sous-tâche</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Move subtask to the Trash</source>
        <translation>Mettre la sous-tâche à la corbeille</translation>
    </message>
    <message>
        <source>New subtask</source>
        <translation>Nouvelle sous-tâche</translation>
    </message>
    <message>
        <source>Add subtask</source>
        <translation>Ajouter une sous-tâche</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>jour</numerusform>
            <numerusform>jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>semaine</numerusform>
            <numerusform>semaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>mois</numerusform>
            <numerusform>mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>an</numerusform>
            <numerusform>ans</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Prochaine échéance : %1</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>&amp;Subtasks (%1/%2)</source>
        <translation>&amp;Sous-tâches (%1/%2)</translation>
    </message>
    <message>
        <source>This task was changed here and on another device at once. Nothing is lost: both versions are kept until you choose.</source>
        <translation>Cette tâche a été modifiée ici et sur un autre appareil en même temps. Rien n’est perdu : les deux versions sont gardées jusqu’à votre choix.</translation>
    </message>
</context>
</TS>
