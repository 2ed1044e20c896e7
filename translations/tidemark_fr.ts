<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MergeDialog</name>
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
        <source>Save the Result as the text, on every device</source>
        <translation>Enregistrer le résultat comme texte, sur tous les appareils</translation>
    </message>
    <message>
        <source>Choose for every part both sides changed, or edit the Result</source>
        <translation>Choisissez pour chaque partie modifiée des deux côtés, ou modifiez le résultat</translation>
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
        <source>the items could not be moved to the Trash</source>
        <translation>les éléments n’ont pas pu être mis à la corbeille</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to the Trash</source>
        <translation>
            <numerusform>%n élément mis à la corbeille</numerusform>
            <numerusform>%n éléments mis à la corbeille</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) restored</source>
        <translation>
            <numerusform>%n élément restauré</numerusform>
            <numerusform>%n éléments restaurés</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%n item(s) moved to %1</source>
        <translation>
            <numerusform>%n élément déplacé vers %1</numerusform>
            <numerusform>%n éléments déplacés vers %1</numerusform>
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
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <source>This note was changed here and on another device in the same place. Nothing is lost: both versions are kept until you choose.</source>
        <translation>Cette note a été modifiée ici et sur un autre appareil au même endroit. Rien n’est perdu : les deux versions sont gardées jusqu’à votre choix.</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Le texte</translation>
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
        <source>another device at %1</source>
        <translation>un autre appareil à %1</translation>
    </message>
    <message>
        <source>%1 (other version)</source>
        <translation>%1 (autre version)</translation>
    </message>
    <message>
        <source>This conflict was settled on another device meanwhile.</source>
        <translation>Ce conflit a été réglé entre-temps sur un autre appareil.</translation>
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
</context>
</TS>
