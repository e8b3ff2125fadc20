# Shoebox, français. Mêmes clés et variables que en.ftl.

## Counts and sizes

files = { $count ->
    [one] { $count } fichier
   *[other] { $count } fichiers
}
list-separator = {", "}
size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
size-kb = { $value } ko
size-mb = { $value } Mo
size-gb = { $value } Go
size-tb = { $value } To
speed = { $size }/s
eta-under-minute = moins d’une minute
eta-minutes = environ { $minutes } min
eta-hours = environ { $hours } h { $minutes } min

## The plan and the backup

plan-checking = Vérification du contenu de chaque fichier : { $checked } sur { $total }. Les chiffres ci-dessus peuvent encore changer un peu.
plan-checked = { $total ->
    [one] Le fichier est vérifié.
   *[other] Les { $total } fichiers sont vérifiés.
}
continue-hint = Choisissez ou déposez à nouveau les mêmes dossiers ou archives pour reprendre là où vous vous êtes arrêté. Les fichiers déjà envoyés ne sont pas renvoyés.
continue-archives = Archives à choisir de nouveau : { $names }
continue-detail = { $count ->
    [one] { $count } fichier n’a pas été terminé la dernière fois.
   *[other] { $count } fichiers n’ont pas été terminés la dernière fois.
} { continue-hint }
more-folders = { $count ->
    [one] et { $count } autre dossier
   *[other] et { $count } autres dossiers
}
more-in-csv = et { $count } autres dans le fichier CSV
bytes-of = { $done } sur { $total }
files-of = { $total ->
    [one] { $done } fichier sur { $total }
   *[other] { $done } fichiers sur { $total }
}
status-looking = Analyse de vos dossiers ({ $found } trouvés)
status-ready-to-back-up = { $count ->
    [one] Prêt à sauvegarder { $count } photo ou vidéo
   *[other] Prêt à sauvegarder { $count } photos et vidéos
}
status-backing-up = Sauvegarde en cours : { $done } sur { $total }
backing-up-left = encore { $size }
backing-up-left-eta = encore { $size }, { $eta }
complete-uploaded = { $count ->
    [one] { $count } envoyé
   *[other] { $count } envoyés
}
complete-already = { $count ->
    [one] { $count } déjà sauvegardé
   *[other] { $count } déjà sauvegardés
}
complete-skipped = { $count ->
    [one] { $count } ignoré
   *[other] { $count } ignorés
}
complete-failed = { $count } en échec
skipped-line = { $count ->
    [one] Une photo ou vidéo a été ignorée — voir pourquoi
   *[other] { $count } photos ou vidéos ont été ignorées — voir pourquoi
}
plan-totals = { $photos ->
    [one] { $photos } photo
   *[other] { $photos } photos
}, { $videos ->
    [one] { $videos } vidéo
   *[other] { $videos } vidéos
}, { $downsize } à réduire, { $skipped } ignorés
folder-meta = { files } · { $size }
folder-meta-reading = { files } · lecture des tailles ({ $size } pour l’instant)
plan-size-line = { files } à sauvegarder, { $size }
plan-size-skipped = { $skipped } ignorés
plan-size-not-chosen = { $notchosen } non choisis
page-line = Sur cette page : { $batches ->
    [one] { $batches } sauvegarde
   *[other] { $batches } sauvegardes
}, { files } — { $parts }
page-uploaded = { $uploaded ->
    [one] { $uploaded } envoyé ({ $size })
   *[other] { $uploaded } envoyés ({ $size })
}
page-already = { $already ->
    [one] { $already } déjà sauvegardé
   *[other] { $already } déjà sauvegardés
}
page-skipped = { $skipped ->
    [one] { $skipped } ignoré
   *[other] { $skipped } ignorés
}
page-failed = { $failed } en échec
phase-uploading = envoi { $percent } %
phase-retrying = nouvel essai dans { $seconds } s

## A file's outcome

outcome-uploaded = envoyé
outcome-uploaded-note = envoyé ({ $note })
outcome-already = déjà sauvegardé
outcome-skipped = ignoré : { $reason }
outcome-failed = échec : { $reason }
skip-not-media = ni photo ni vidéo
skip-empty-file = fichier vide
skip-system-file = fichier système
skip-over-size-limit = dépasse la taille maximale
skip-over-pixel-limit = dépasse le nombre de pixels maximal
skip-under-minimum-size = sous la taille minimale
note-unreadable-sent-original = illisible, envoyé tel quel
note-kept-original = original conservé
note-downsized = réduit à 16 Mpx

## Why something failed

fail-timeout = la requête a expiré
fail-stalled = la connexion s’est bloquée
fail-aborted = la requête a été interrompue
fail-connection = erreur réseau : la connexion a échoué
fail-network = erreur réseau : { $detail }
fail-server-answered = le serveur a répondu { $status }
fail-server-said = le serveur a répondu { $status } : { $reason }
fail-no-location = le serveur a répondu à la création sans en-tête Location
fail-no-offset = le serveur a répondu à HEAD sans Upload-Offset
fail-gone = erreur réseau : le fichier n’est plus disponible
fail-cancelled = annulé
fail-unknown = inconnu
fault-read-failed = le fichier n’a pas pu être lu : { $detail }
fault-malformed-job = tâche mal formée
fault-crashed = le worker s’est arrêté brutalement : { $detail }
fault-not-started = les workers n’ont pas pu démarrer
fault-not-started-detail = les workers n’ont pas pu démarrer : { $detail }
fault-not-sent = échec de postMessage : { $detail }
fault-dropped = la tâche a été perdue par le groupe de workers
fault-unexpected-reply = le worker a donné une réponse inattendue
fault-malformed-digest = le worker a donné une empreinte mal formée
fault-no-blob = impossible de créer le blob
fault-no-codecs = ce worker n’a pas de codecs photo
fault-thumbnail = échec de la miniature : { $detail }
fault-inflate-corrupt = ses données dans l’archive sont endommagées et ne peuvent pas être décompressées
fault-inflate-sizes = une fois décompressé, il n’a pas la taille qu’indique l’archive (fichier endommagé ou bombe zip)
fault-inflate-crc = les données décompressées ne correspondent pas à la somme de contrôle de l’archive : l’archive est endommagée
api-bad-request = la requête n’était pas valide
api-unauthorized = cet appareil n’est pas connecté
api-forbidden = cet appareil n’a pas le droit de faire cela
api-not-found = cet envoi ou ce média n’existe pas
api-gone = l’envoi a expiré
api-offset-conflict = le serveur détient une autre partie de ce fichier
api-locked = une autre requête écrit déjà dans cet envoi
api-unsupported-version = le serveur utilise une autre version du protocole d’envoi
api-unsupported-media-type = le serveur n’a pas accepté la façon dont le fichier a été envoyé
api-too-large = le fichier dépasse ce que le serveur accepte
api-over-kiosk-limit = le fichier dépasse ce que cette borne accepte
api-digest-mismatch = les données reçues par le serveur ne correspondent pas au fichier
api-checksum-mismatch = une partie du fichier est arrivée endommagée
api-storage-full = le stockage du serveur est plein
api-quota-full = votre espace de stockage est plein
api-kiosk-full = cette borne ne peut rien accepter de plus pour le moment
api-rate-limited = trop de tentatives ; attendez quelques minutes puis réessayez
api-read-only = le serveur ne peut pas enregistrer de fichiers pour le moment ; rien n’est perdu, réessayez plus tard
api-stored-mismatch = le serveur a mal enregistré le fichier ; il sera renvoyé
api-album-exists = un album porte déjà ce nom
api-album-live-visit = cet album reçoit les photos d’une visite à la borne encore en cours
api-internal = erreur interne du serveur
api-unknown = le serveur a refusé

## Devices and signing in

pair-title = Connecter « { $name } » à votre compte ?
pair-title-upload = { $hours ->
    [one] Autoriser « { $name } » à envoyer vers votre compte pendant { $hours } heure ?
   *[other] Autoriser « { $name } » à envoyer vers votre compte pendant { $hours } heures ?
}
pair-body = Cet appareil verra et sauvegardera vos photos.
pair-body-upload-only = Cet appareil ne pourra pas voir vos photos.
storage-line = Stockage : { $used } utilisés
storage-line-quota = Stockage : { $used } utilisés sur { $quota }
device-chromebook = Chromebook
device-windows = PC Windows
device-mac = Mac
device-android = Téléphone Android
device-iphone = iPhone ou iPad
device-linux = Ordinateur Linux
device-browser = Un navigateur

## Kiosk and Back up & sync

kiosk-done = { $count ->
    [one] Terminé — { $count } photo enregistrée. Vous pouvez reprendre votre carte.
   *[other] Terminé — { $count } photos enregistrées. Vous pouvez reprendre votre carte.
}
kiosk-finishing = Fin dans { $seconds } s — touchez l’écran pour rester
kiosk-drop = Vos photos sont dans « { $drop } ». Votre code : { $code }
sync-never = pas encore entièrement sauvegardé
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · dernière sauvegarde complète { $time }
last-backup = Dernière sauvegarde : { $time }

## Library

library-items = { $count ->
    [one] { $count } élément
   *[other] { $count } éléments
}
library-totals = { library-items } · { $size } · { $used } utilisés sur le serveur
library-totals-quota = { library-items } · { $size } · { $used } utilisés sur { $quota }
library-selected = { $count ->
    [one] { $count } sélectionné
   *[other] { $count } sélectionnés
}
library-confirm-trash-title = Mettre { library-items } à la corbeille ?
library-confirm-trash-body = { $count ->
    [one] Il est conservé 30 jours et peut être restauré d’ici là.
   *[other] Ils sont conservés 30 jours et peuvent être restaurés d’ici là.
} Rien n’est supprimé sur cet appareil.
library-moved-to-trash = { library-items } mis à la corbeille.
library-restored = { $count ->
    [one] { library-items } restauré.
   *[other] { library-items } restaurés.
}
library-album-line = { library-items } · { $size }
library-select-item = Sélectionner { $name }
library-open-item = { $name }, { $day }
library-position = { $n } sur { $total }

## Fixed words

app-name = Shoebox
tagline = Sauvegardez vos photos et vidéos. Rien à installer.
page-title = Shoebox · Sauvegardez vos photos et vidéos
drop-hint = Déposez des dossiers ou des photos n’importe où sur cette page
drop-active = Déposez-les pour les ajouter à votre sauvegarde
choose-folders = Choisir des dossiers
choose-files = Choisir des fichiers
add-more = Ajouter d’autres dossiers
back-up = Sauvegarder
pause = Mettre en pause
resume = Reprendre
continue = Continuer
continue-remembered = Pour reprendre, ces éléments sont relus :
retry-failed = Réessayer les échecs
cancel = Annuler
retry = Réessayer
settings = Réglages
download-csv = Télécharger la liste (CSV)
empty-title = Rien de choisi pour l’instant
empty-body = Choisissez les dossiers qui contiennent vos photos et vidéos, ou déposez-les ici. Shoebox les parcourt d’abord et vous montre ce qu’il va sauvegarder avant d’envoyer quoi que ce soit.
plan-title = Ce qui sera sauvegardé
files-title = Fichiers
overall-progress = Progression globale
skipped-title = Fichiers ignorés et pourquoi
leave-warning = Votre sauvegarde est toujours en cours. Si vous partez, elle reprendra là où elle s’est arrêtée la prochaine fois.
done-notification = Votre sauvegarde est terminée
file-unreadable = Ce fichier n’a pas pu être ouvert. Il a peut-être été déplacé ou supprimé, ou il est encore en cours de téléchargement.
plan-hint = Vérifiez les dossiers ci-dessous, puis appuyez sur « Sauvegarder ». Rien n’est envoyé avant.
paused-hint = Rien n’est envoyé. Appuyez sur « Reprendre » pour continuer là où la sauvegarde s’est arrêtée.
offline-hint = Cet appareil est hors ligne. La sauvegarde reprendra d’elle-même dès le retour de la connexion.
wifi-hint = Vous avez demandé à sauvegarder uniquement en Wi-Fi, et cette connexion utilise les données mobiles. La sauvegarde reprendra en Wi-Fi.
sign-in-hint = Le serveur n’a pas accepté cet appareil. Appuyez sur « Connecter cet appareil » ci-dessous et validez depuis un appareil déjà connecté, ou rouvrez le lien que l’on vous a donné.
set-quality = Taille d’envoi
set-quality-original = Originale
set-quality-high = Haute qualité (jusqu’à 16 Mpx)
set-limits = Limites
set-limits-server = Celles du serveur
set-limits-seed = Classique (75 Mo, photos jusqu’à 100 Mpx)
set-limits-google = Google Photos (200 Mo, 200 Mpx, au moins 256 px)
set-destination = Destination (adresse tus ; vide signifie ce serveur)
set-token = Clé d’accès
set-wifi-only = Sauvegarder uniquement en Wi-Fi
set-parallel = Envois simultanés
set-album = Albums
set-album-folder = Un album par dossier principal
set-album-folders = Un album par dossier, sous-dossiers compris
set-album-none = Pas d’album
set-album-named = Tout dans un album nommé…
set-album-name = Nom de l’album
set-language = Langue
set-language-hint = Conservée sur cet appareil.
set-backup = Sauvegarde
set-storage = Stockage
set-advanced = Avancé
set-advanced-hint = Où vont les envois et combien se font en même temps. Ne modifiez ces réglages que si on vous l’a demandé.
filter-group = Afficher
filter-all = Tout
filter-pending = En cours
filter-uploaded = Envoyés
filter-already = Déjà sauvegardés
filter-skipped = Ignorés
filter-failed = En échec
file-list = Liste des fichiers
folders = Dossiers
loose-files = (fichiers isolés)
set-strip-location = Retirer la position des photos
status-ready = Prêt
status-continue = Reprendre votre sauvegarde
status-sign-in = Connexion requise
status-offline = En attente de connexion
status-wifi = En attente du Wi-Fi
status-paused = Sauvegarde en pause
status-charge = En attente de recharge
status-backup-off = Sauvegarde désactivée
status-storage-full = Votre espace de stockage est plein
devices-title = Appareils et stockage
sign-in-this = Connecter cet appareil
sign-in-how = Sur un appareil déjà connecté à Shoebox, scannez ce code, ou ouvrez-y « Appareils et stockage » et saisissez-le :
sign-in-failed = Shoebox n’a pas pu lancer la connexion. Vérifiez la connexion réseau et réessayez.
sign-in-expired = Le code de connexion a expiré. Appuyez sur « Connecter cet appareil » pour en obtenir un nouveau.
sign-in-link-used = Ce lien de connexion a déjà été utilisé ou a expiré. Demandez-en un nouveau, ou appuyez sur « Connecter cet appareil ».
pair-enter = Connecter un nouvel appareil : son code
pair-look-up = Continuer
pair-approve = Valider
pair-cancel = Annuler
pair-approved = Validé. L’autre appareil est connecté.
pair-unknown = Ce code est inconnu, a déjà été utilisé ou a expiré.
pair-too-many = Trop de codes essayés. Attendez quelques minutes, puis réessayez.
device-revoke = Déconnecter
device-upload-only = envoi seulement
storage-full-hint = Le serveur n’a plus de place pour vos photos. Libérez de l’espace ou demandez un quota plus grand ; appuyez sur « Reprendre » pour réessayer (Shoebox réessaie aussi automatiquement toutes les quelques minutes).
charge-hint = Vous avez demandé à sauvegarder uniquement pendant la recharge. La sauvegarde reprendra d’elle-même dès que l’appareil sera branché.
backup-off-hint = Vos dossiers de sauvegarde ne sont pas sauvegardés. Activez « Sauvegarde et synchronisation » pour sauvegarder les nouvelles photos et vidéos dès leur arrivée.
turn-on = Activer
updated-note = Shoebox a été mis à jour vers sa dernière version.
shared-album = Partagé
kiosk-choose = Choisissez ou déposez vos photos
kiosk-choose-files = Choisir des photos une à une
kiosk-drop-hint = Insérez votre carte mémoire ou votre clé USB, puis choisissez son dossier — ou déposez des photos n’importe où sur cet écran.
kiosk-starting = Préparation…
kiosk-finish = Terminer
kiosk-phone = Envoyer depuis votre téléphone
kiosk-own = Dans votre propre compte Shoebox
kiosk-own-how = Sur votre téléphone connecté à Shoebox, scannez ce code et validez. Cette borne envoie alors vers votre compte pendant une heure, sans pouvoir voir vos photos.
kiosk-own-line = Vos photos vont dans votre propre compte Shoebox.
kiosk-phone-hint = Scannez ce code avec l’appareil photo de votre téléphone, ou ouvrez-y le lien. Il ne vaut que pour cette visite.
kiosk-arrived = Dans votre dépôt
phone-link-ended = Ce lien a pris fin avec la visite à laquelle il appartenait. Demandez-en un nouveau à la borne.
kiosk-keep = Terminer mes envois même si je m’en vais
kiosk-unavailable = Cette borne ne peut pas joindre son serveur pour le moment. Merci de vous adresser à l’accueil.
kiosk-wrong-key = La clé de cette borne n’est pas acceptée par son serveur : personne ne peut envoyer de photos. Merci de vous adresser à l’accueil. (Pour l’exploitant : vérifiez la clé dans l’adresse de cet écran.)
kiosk-nothing-kept = Rien n’est conservé sur cet écran : quand vous terminez, il oublie vos photos.
sync-title = Sauvegarde et synchronisation
sync-switch = Sauvegarde et synchronisation
sync-hint = Maintient vos dossiers de sauvegarde à jour tant que Shoebox est ouvert, nouvelles photos et vidéos comprises. Supprimer une photo ici ne supprime jamais sa sauvegarde.
sync-add = Ajouter un dossier de sauvegarde
sync-remove = Retirer
sync-allow = Autoriser l’accès à vos dossiers de sauvegarde
sync-allow-why = Après un redémarrage, le navigateur redemande l’autorisation avant que Shoebox puisse lire vos dossiers de sauvegarde.
sync-charging-only = Sauvegarder uniquement pendant la recharge
sync-charging-unavailable = Sauvegarder uniquement pendant la recharge (ce navigateur ne sait pas dire si l’appareil est en charge)
sync-no-picker = Ce navigateur ne peut pas garder de dossiers. Utilisez Chromium, Chrome ou Edge, sous ChromeOS ou sur un ordinateur.
status-complete = Sauvegarde terminée
phase-waiting = en attente
phase-inspecting = analyse
phase-ready = prêt
phase-hashing = calcul de l’empreinte
phase-checking = vérification
phase-preparing = réduction
phase-paused = en pause
phase-not-chosen = non choisi
library-nav-backup = Sauvegarder
library-nav-library = Photothèque
library-nav-label = Shoebox
library-timeline = Photos
library-albums = Albums
library-trash = Corbeille
library-views-label = Vues de la photothèque
library-search = Rechercher
library-search-hint = Nom de fichier ou album
library-from = Du
library-to = Au
library-clear-filters = Effacer les filtres
library-filter-label = Afficher
library-kind-all = Tout
library-kind-photos = Photos
library-kind-videos = Vidéos
library-kind-downsized = Réduites
library-kind-originals = Originaux
library-loading = Chargement de votre photothèque…
library-unavailable = Ce serveur n’a pas de photothèque à afficher, ou cet appareil peut seulement envoyer. Connectez-vous avec un compte complet pour voir ce qui est sauvegardé.
library-failed = La photothèque n’a pas pu être chargée. Vérifiez la connexion et réessayez.
library-retry = Réessayer
library-empty = Rien n’est encore sauvegardé. Les photos et vidéos que vous sauvegardez apparaissent ici.
library-no-match = Rien ne correspond à ces filtres.
library-trash-empty = La corbeille est vide.
library-trash-note = D’ici là, ces éléments comptent toujours comme sauvegardés : une synchronisation ou le même dossier déposé à nouveau ne les renvoie pas. Restaurez-les pour les voir dans votre photothèque. Rien n’est jamais supprimé sur vos appareils.
library-scrubber = Aller à un mois
library-grid-label = Vos photos et vidéos
library-select = Sélectionner
library-move-to-trash = Mettre à la corbeille
library-restore = Restaurer
library-clear-selection = Tout désélectionner
library-confirm = Mettre à la corbeille
library-cancel = Annuler
library-action-failed = L’opération a échoué : le serveur n’a pas répondu. Rien n’a été modifié.
library-no-album = Dans aucun album
library-download = Télécharger
library-add-to-album = Ajouter à un album
library-new-album = Nouvel album
library-add = Ajouter
library-your-albums = Vos albums
library-rename = Renommer
library-album-name = Nom de l’album
library-save = Enregistrer
library-download-all = Tout télécharger
library-all-albums = Tous les albums
library-selection-label = Sélection
library-added-to-album = { $count ->
    [one] { library-items } ajouté à l’album.
   *[other] { library-items } ajoutés à l’album.
}
library-album-renamed = Album renommé.
library-album-exists = Vous avez déjà un album de ce nom.
library-album-name-refused = Le nom de l’album est obligatoire, sans caractères de contrôle, et de 1024 octets au plus.
library-album-missing = Il n’y a pas d’album nommé « { $name } » dans votre photothèque.
library-album-live-visit = Une visite à la borne encore en cours enregistre ses photos dans cet album. Vous pourrez le modifier une fois la visite terminée.
library-choose-album-title = Ajouter { library-items } à un album
library-album-facts-range = { library-items } · du { $from } au { $to }
library-album-facts-day = { library-items } · le { $day }
library-no-albums = Pas encore d’album. Les dossiers que vous sauvegardez deviennent des albums.
library-close = Fermer
library-previous = Précédent
library-next = Suivant
library-zoom = Zoomer
library-fit = Ajuster à la fenêtre
library-download-original = Télécharger l’original
library-download-copy = Télécharger
library-downsized-note = Ceci est la copie réduite (haute qualité). L’original n’a pas été envoyé : c’est donc la meilleure copie disponible.
library-details = Détails
library-no-thumb = Pas d’aperçu
library-d-name = Nom
library-d-folder = Dossier
library-d-album = Album
library-d-taken = Prise le
library-d-size = Taille
library-d-pixels = Pixels
library-d-camera = Appareil photo
library-d-place = Lieu
library-d-quality = Qualité
library-q-downsized = Réduite à 16 Mpx (haute qualité)
library-q-original = Originale
library-video = Vidéo
library-video-unplayable = Cette vidéo ne peut pas être lue dans ce navigateur (son format demande un matériel que cet appareil n’a pas). Téléchargez l’original pour la regarder.
library-motion = Live
library-play-motion = Lire le mouvement
library-trashed = Dans la corbeille
library-download-motion = Télécharger le clip animé
library-download-sidecar = Télécharger { $filename }

choose-photos = Choisir des photos
take-photo = Prendre une photo
phone-choose = Envoyer des photos depuis ce téléphone
phone-hint = Choisissez les photos et vidéos de ce téléphone à envoyer. Elles rejoignent cette visite à la borne, avec tout ce que vous apportez d’autre.
kiosk-photos = { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
kiosk-images = { $count ->
    [one] { $count } image
   *[other] { $count } images
}
kiosk-videos = { $count ->
    [one] { $count } vidéo
   *[other] { $count } vidéos
}
kiosk-files = { $count ->
    [one] { $count } fichier
   *[other] { $count } fichiers
}
kiosk-done-kinds = Terminé. Enregistré : { $kinds }.
kiosk-done-nothing = Terminé — rien de nouveau n’a été enregistré.
kiosk-done-card = { $done } Vous pouvez reprendre votre carte.
list-more = { $first }, { $next }
list-last = { $rest } et { $last }
kiosk-reset-in = Cet écran recommence dans { $seconds } s
skipped-media = { $count ->
    [one] { $count } photo ou vidéo ignorée
   *[other] { $count } photos ou vidéos ignorées
}
skipped-ignored = { $count ->
    [one] { $count } autre fichier laissé de côté
   *[other] { $count } autres fichiers laissés de côté
}
skipped-see-why = { $what } — voir pourquoi
library-trash-kept = Les éléments de la corbeille sont supprimés définitivement du serveur { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} après y avoir été placés. { $rest }
library-trash-kept-unknown = Les éléments de la corbeille sont supprimés définitivement du serveur au bout d’un certain temps. { $rest }
library-days-left = { $days ->
    [one] Encore { $days } jour
   *[other] Encore { $days } jours
}
library-deleted-soon = Bientôt supprimé
library-emptied = { $count ->
    [one] { $count } élément supprimé définitivement.
   *[other] { $count } éléments supprimés définitivement.
}
library-restore-all = Tout restaurer
library-empty-trash = Vider la corbeille
library-empty-trash-yes = Supprimer définitivement
library-empty-trash-title = Vider la corbeille ?
library-empty-trash-body = Tout le contenu de la corbeille est supprimé définitivement du serveur, maintenant. C’est irréversible. Rien n’est supprimé sur vos appareils.
library-undo = Annuler
library-visits-heading = Visites à la borne aujourd’hui
library-visit-code = Code de visite { $code }
library-visit-span = de { $start } à { $end }
library-visit-live = En cours
library-visit-empty = Rien d’enregistré pour l’instant

# Google Takeout import
takeout-summary = Export Google Photos : { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }, { $videos ->
        [one] { $videos } vidéo
       *[other] { $videos } vidéos
    }, { $albums ->
        [one] { $albums } album
       *[other] { $albums } albums
    } ; { $dates ->
        [one] { $dates } date
       *[other] { $dates } dates
    } et { $places ->
        [one] { $places } lieu
       *[other] { $places } lieux
    } fournis par Google ; { $without ->
        [one] { $without } élément
       *[other] { $without } éléments
    } sans fichier annexe
takeout-reading = Lecture des descriptions de l’export : il en reste { $count }.
takeout-notes-title = Éléments de l’export non associés ou non utilisés
takeout-note-no-sidecar = Pas de fichier annexe : garde sa propre date et son propre lieu
takeout-note-sidecar-unused = Fichier annexe sans sa photo ni sa vidéo
takeout-note-not-kept = Non conservé pour une archive ultérieure (ce navigateur en conserve déjà 100 000) : choisissez-le avec l’archive qui contient son correspondant
takeout-note-not-json = Le fichier annexe n’est pas du JSON lisible
takeout-note-bad-date = La date du fichier annexe n’a pas pu être utilisée
takeout-note-bad-place = Le lieu du fichier annexe n’a pas pu être utilisé
takeout-note-bad-value = Une valeur du fichier annexe n’a pas pu être utilisée
takeout-note-description-cut = Description trop longue : tronquée
takeout-note-albums-dropped = Certains noms d’albums étaient trop longs : omis
takeout-note-place-stripped = Lieu omis (« Retirer la position des photos »)
takeout-parts = { $count ->
    [one] Partie { $parts } de l’archive.
   *[other] Parties { $parts } de l’archive.
}
takeout-parts-missing = { $count ->
    [one] La partie { $parts } est manquante.
   *[other] Les parties { $parts } sont manquantes.
}
takeout-note-tar = Export .tgz ou .tar : décompressez-le d’abord, puis choisissez le dossier
takeout-note-not-zip = Ce n’est pas une archive .zip
takeout-note-truncated = L’archive est incomplète (téléchargement interrompu ?)
takeout-note-corrupt = L’archive est endommagée et illisible
takeout-note-encrypted = Chiffré : non importé
takeout-note-outside = Son chemin pointe hors de l’archive : non importé
takeout-note-method = Compressé selon une méthode illisible : non importé
takeout-note-sizes = Tailles indiquées incohérentes : non importé

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }, au-delà de la limite de { $limit }
skip-over-server-limit = { $size }, au-delà de la limite du serveur
skip-over-pixel-limit-of = { $pixels }, au-delà de la limite de { $limit }
skip-under-minimum-size-of = { $side } sur le plus petit côté, en dessous du minimum de { $minimum }
size-mp = { $value } Mpx
size-px = { $value } px
csv-path = chemin
csv-reason = motif
skipped-dismiss = Masquer

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = Sauvegarde activée
sync-busy = Sauvegarde en cours
sync-add-prompt = Ajoutez un dossier à sauvegarder : tant que Shoebox est ouvert, il en sauvegarde les nouvelles photos et vidéos.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = Rien de nouveau à sauvegarder
complete-open-library = Les voir dans votre photothèque

# The file list: finished batches folded into one line
earlier-batches = Sauvegardes précédentes sur cette page : { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox — sauvegarde de photos et vidéos
manifest-short-name = Shoebox
manifest-description = Sauvegardez les photos et vidéos de cet appareil, avec des dossiers synchronisés et rien d’autre à installer.
manifest-shot-running = Une sauvegarde en cours
manifest-shot-plan = Le plan avant tout envoi
library-remove-from-album = Retirer de l’album
library-removed-from-album = { $count ->
    [one] { library-items } retiré de l’album.
   *[other] { library-items } retirés de l’album.
}
plan-album-named = Tout dans « { $name } »
plan-albums-none = Pas d’album : tout va seulement dans votre photothèque.
plan-albums-count = { $count ->
    [one] { $count } album sera créé :
   *[other] { $count } albums seront créés :
}
plan-albums-more = { $count ->
    [one] +{ $count } autre
   *[other] +{ $count } autres
}
