# Shoebox, italiano. Stesse chiavi e variabili di en.ftl.

## Counts and sizes

files = { $count ->
    [one] { $count } file
   *[other] { $count } file
}
list-separator = {", "}
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } byte
}
size-kb = { $value } kB
size-mb = { $value } MB
size-gb = { $value } GB
size-tb = { $value } TB
speed = { $size }/s
eta-under-minute = meno di un minuto
eta-minutes = circa { $minutes } min
eta-hours = circa { $hours } h { $minutes } min

## The plan and the backup

plan-checking = Controllo del contenuto di ogni file: { $checked } di { $total }. I numeri qui sopra possono ancora cambiare un po’.
plan-checked = { $total ->
    [one] Il file è stato controllato.
   *[other] Tutti i { $total } file sono stati controllati.
}
continue-hint = Scegli o trascina di nuovo le stesse cartelle o gli stessi archivi per riprendere da dove ti eri fermato. I file già inviati non vengono inviati di nuovo.
continue-archives = Archivi da scegliere di nuovo: { $names }
continue-detail = { $count ->
    [one] { $count } file non è stato completato l’ultima volta.
   *[other] { $count } file non sono stati completati l’ultima volta.
} { continue-hint }
more-folders = { $count ->
    [one] e { $count } altra cartella
   *[other] e altre { $count } cartelle
}
more-in-csv = e altri { $count } nel file CSV
bytes-of = { $done } di { $total }
files-of = { $done } di { $total } file
status-looking = Analisi delle tue cartelle ({ $found } trovati)
status-ready-to-back-up = { $count ->
    [one] Pronto a fare il backup di { $count } foto o video
   *[other] Pronto a fare il backup di { $count } foto e video
}
status-backing-up = Backup in corso: { $done } di { $total }
backing-up-left = mancano { $size }
backing-up-left-eta = mancano { $size }, { $eta }
complete-uploaded = { $count ->
    [one] { $count } caricato
   *[other] { $count } caricati
}
complete-already = { $count } già nel backup
complete-skipped = { $count ->
    [one] { $count } saltato
   *[other] { $count } saltati
}
complete-failed = { $count ->
    [one] { $count } non riuscito
   *[other] { $count } non riusciti
}
skipped-line = { $count ->
    [one] Una foto o un video è stato saltato: scopri perché
   *[other] { $count } foto o video sono stati saltati: scopri perché
}
plan-totals = { $photos } foto, { $videos } video, { $downsize } da ridurre, { $skipped } saltati
folder-meta = { files } · { $size }
folder-meta-reading = { files } · lettura delle dimensioni ({ $size } finora)
plan-size-line = { files } da salvare, { $size }
plan-size-skipped = { $skipped } saltati
plan-size-not-chosen = { $notchosen } non scelti
page-line = In questa pagina: { $batches ->
    [one] { $batches } backup
   *[other] { $batches } backup
}, { files } — { $parts }
page-uploaded = { $uploaded ->
    [one] { $uploaded } caricato ({ $size })
   *[other] { $uploaded } caricati ({ $size })
}
page-already = { $already } già nel backup
page-skipped = { $skipped ->
    [one] { $skipped } saltato
   *[other] { $skipped } saltati
}
page-failed = { $failed ->
    [one] { $failed } non riuscito
   *[other] { $failed } non riusciti
}
phase-uploading = caricamento { $percent }%
phase-retrying = nuovo tentativo tra { $seconds } s

## A file's outcome

outcome-uploaded = caricato
outcome-uploaded-note = caricato ({ $note })
outcome-already = già nel backup
outcome-skipped = saltato: { $reason }
outcome-failed = non riuscito: { $reason }
skip-not-media = non è una foto né un video
skip-empty-file = file vuoto
skip-system-file = file di sistema
skip-over-size-limit = supera la dimensione massima
skip-over-pixel-limit = supera il numero massimo di pixel
skip-under-minimum-size = sotto la dimensione minima
note-unreadable-sent-original = illeggibile, inviato l’originale
note-kept-original = originale conservato
note-downsized = ridotta a 16 MP

## Why something failed

fail-timeout = la richiesta è scaduta
fail-stalled = la connessione si è bloccata
fail-aborted = la richiesta è stata interrotta
fail-connection = errore di rete: la connessione non è riuscita
fail-network = errore di rete: { $detail }
fail-server-answered = il server ha risposto { $status }
fail-server-said = il server ha risposto { $status }: { $reason }
fail-no-location = il server ha risposto alla creazione senza Location
fail-no-offset = il server ha risposto a HEAD senza Upload-Offset
fail-gone = errore di rete: il file non è più disponibile
fail-cancelled = annullato
fail-unknown = sconosciuto
fault-read-failed = impossibile leggere il file: { $detail }
fault-malformed-job = attività non valida
fault-crashed = il worker si è bloccato: { $detail }
fault-not-started = i worker non sono partiti
fault-not-started-detail = i worker non sono partiti: { $detail }
fault-not-sent = postMessage non riuscito: { $detail }
fault-dropped = il gruppo di worker ha perso l’attività
fault-unexpected-reply = il worker ha dato una risposta inattesa
fault-malformed-digest = il worker ha dato un’impronta non valida
fault-no-blob = impossibile creare il blob
fault-no-codecs = questo worker non ha codec per le foto
fault-thumbnail = miniatura non riuscita: { $detail }
fault-inflate-corrupt = i suoi dati nell’archivio sono danneggiati e non si possono estrarre
fault-inflate-sizes = una volta estratto non ha la dimensione indicata dall’archivio (danneggiato o zip bomb)
fault-inflate-crc = i dati estratti non corrispondono al checksum dell’archivio: l’archivio è danneggiato
api-bad-request = la richiesta non era valida
api-unauthorized = questo dispositivo non ha effettuato l’accesso
api-forbidden = questo dispositivo non può farlo
api-not-found = questo caricamento o file non esiste
api-gone = il caricamento è scaduto
api-offset-conflict = il server ha un’altra parte di questo file
api-locked = un’altra richiesta sta scrivendo in questo caricamento
api-unsupported-version = il server usa un’altra versione del protocollo di caricamento
api-unsupported-media-type = il server non ha accettato il modo in cui è stato inviato il file
api-too-large = il file è più grande di quanto accetta il server
api-over-kiosk-limit = il file è più grande di quanto accetta questo chiosco
api-digest-mismatch = i dati ricevuti dal server non corrispondono al file
api-checksum-mismatch = una parte del file è arrivata danneggiata
api-storage-full = lo spazio di archiviazione del server è pieno
api-quota-full = il tuo spazio di archiviazione è pieno
api-kiosk-full = questo chiosco al momento non può accettare altro
api-rate-limited = troppi tentativi; aspetta qualche minuto e riprova
api-read-only = il server al momento non può salvare file; non si è perso nulla, riprova più tardi
api-stored-mismatch = il server ha salvato male il file; verrà inviato di nuovo
api-album-exists = esiste già un album con questo nome
api-album-live-visit = in questo album vengono salvate le foto di una visita al chiosco ancora in corso
api-internal = errore interno del server
api-unknown = il server ha rifiutato

## Devices and signing in

pair-title = Accedere al tuo account su “{ $name }”?
pair-title-upload = { $hours ->
    [one] Consentire a “{ $name }” di caricare nel tuo account per { $hours } ora?
   *[other] Consentire a “{ $name }” di caricare nel tuo account per { $hours } ore?
}
pair-body = Potrà vedere le tue foto e farne il backup.
pair-body-upload-only = Non potrà vedere le tue foto.
storage-line = Spazio di archiviazione: { $used } utilizzati
storage-line-quota = Spazio di archiviazione: { $used } utilizzati su { $quota }
device-chromebook = Chromebook
device-windows = PC Windows
device-mac = Mac
device-android = Telefono Android
device-iphone = iPhone o iPad
device-linux = Computer Linux
device-browser = Un browser

## Kiosk and Back up & sync

kiosk-done = { $count ->
    [one] Fatto: { $count } foto salvata. Ora puoi estrarre la scheda.
   *[other] Fatto: { $count } foto salvate. Ora puoi estrarre la scheda.
}
kiosk-finishing = Chiusura tra { $seconds } s: tocca per restare
kiosk-drop = Le tue foto sono in “{ $drop }”. Il tuo codice: { $code }
sync-never = backup non ancora completo
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · ultimo backup completo { $time }
last-backup = Ultimo backup: { $time }

## Library

library-items = { $count ->
    [one] { $count } elemento
   *[other] { $count } elementi
}
library-totals = { library-items } · { $size } · { $used } usati sul server
library-totals-quota = { library-items } · { $size } · { $used } usati su { $quota }
library-selected = { $count ->
    [one] { $count } selezionato
   *[other] { $count } selezionati
}
library-confirm-trash-title = Spostare { library-items } nel cestino?
library-confirm-trash-body = { $count ->
    [one] Viene conservato 30 giorni e fino ad allora si può ripristinare.
   *[other] Vengono conservati 30 giorni e fino ad allora si possono ripristinare.
} Su questo dispositivo non viene eliminato nulla.
library-moved-to-trash = { $count ->
    [one] { library-items } spostato nel cestino.
   *[other] { library-items } spostati nel cestino.
}
library-restored = { $count ->
    [one] { library-items } ripristinato.
   *[other] { library-items } ripristinati.
}
library-album-line = { library-items } · { $size }
library-select-item = Seleziona { $name }
library-open-item = { $name }, { $day }
library-position = { $n } di { $total }

## Fixed words

app-name = Shoebox
tagline = Fai il backup di foto e video. Senza installare nulla.
page-title = Shoebox · Backup di foto e video
drop-hint = Trascina cartelle o foto in un punto qualsiasi della pagina
drop-active = Rilascia per aggiungerle al backup
choose-folders = Scegli cartelle
choose-files = Scegli file
add-more = Aggiungi altre cartelle
back-up = Fai il backup
pause = Metti in pausa
resume = Riprendi
continue = Continua
continue-remembered = Per continuare vengono riletti questi:
retry-failed = Riprova quelli non riusciti
cancel = Annulla
retry = Riprova
settings = Impostazioni
download-csv = Scarica l’elenco (CSV)
empty-title = Non hai ancora scelto nulla
empty-body = Scegli le cartelle con le tue foto e i tuoi video, oppure trascinale qui. Shoebox le esamina prima e ti mostra che cosa salverà, prima di inviare qualsiasi cosa.
plan-title = Che cosa verrà salvato
files-title = File
overall-progress = Avanzamento totale
skipped-title = File saltati e perché
leave-warning = Il backup è ancora in corso. Se esci, la prossima volta riprenderà da dove si è fermato.
done-notification = Il backup è completo
file-unreadable = Impossibile aprire questo file. Forse è stato spostato o eliminato, oppure si sta ancora scaricando.
plan-hint = Controlla le cartelle qui sotto, poi premi “Fai il backup”. Prima non viene inviato nulla.
paused-hint = Non viene inviato nulla. Premi “Riprendi” per continuare da dove il backup si è fermato.
offline-hint = Questo dispositivo è offline. Il backup riprende da solo quando torna la connessione.
wifi-hint = Hai scelto il backup solo con Wi-Fi e questa connessione usa i dati mobili. Il backup riprende con il Wi-Fi.
sign-in-hint = Il server non ha accettato questo dispositivo. Premi “Accedi su questo dispositivo” qui sotto e approva da un dispositivo che ha già effettuato l’accesso, oppure riapri il link che hai ricevuto.
set-quality = Dimensione di caricamento
set-quality-original = Originale
set-quality-high = Alta qualità (fino a 16 MP)
set-limits = Limiti
set-limits-server = Quelli del server
set-limits-seed = Classico (75 MB, foto fino a 100 MP)
set-limits-google = Google Foto (200 MB, 200 MP, almeno 256 px)
set-destination = Destinazione (indirizzo tus; vuoto indica questo server)
set-token = Chiave di accesso
set-wifi-only = Backup solo con Wi-Fi
set-parallel = Caricamenti contemporanei
set-album = Album
set-album-folder = Un album per ogni cartella principale
set-album-folders = Un album per cartella, anche per le sottocartelle
set-album-none = Nessun album
set-album-named = Tutto in un album chiamato…
set-album-name = Nome dell’album
set-language = Lingua
set-language-hint = Salvata su questo dispositivo.
set-backup = Backup
set-storage = Spazio di archiviazione
set-advanced = Avanzate
set-advanced-hint = Dove vanno i caricamenti e quanti ne partono insieme. Modifica queste impostazioni solo se ti è stato chiesto.
filter-group = Mostra
filter-all = Tutti
filter-pending = In corso
filter-uploaded = Caricati
filter-already = Già nel backup
filter-skipped = Saltati
filter-failed = Non riusciti
file-list = Elenco dei file
folders = Cartelle
loose-files = (file sparsi)
set-strip-location = Rimuovi la posizione dalle foto
status-ready = Pronto
status-continue = Continua il backup
status-sign-in = Accesso necessario
status-offline = In attesa di connessione
status-wifi = In attesa del Wi-Fi
status-paused = Backup in pausa
status-charge = In attesa di ricarica
status-backup-off = Backup disattivato
status-storage-full = Spazio di archiviazione pieno
devices-title = Dispositivi e spazio
sign-in-this = Accedi su questo dispositivo
sign-in-how = Su un dispositivo che ha già effettuato l’accesso a Shoebox, inquadra questo codice, oppure apri lì “Dispositivi e spazio” e inseriscilo:
sign-in-failed = Shoebox non è riuscito ad avviare l’accesso. Controlla la connessione e riprova.
sign-in-expired = Il codice di accesso è scaduto. Premi “Accedi su questo dispositivo” per averne uno nuovo.
sign-in-link-used = Questo link di accesso è già stato usato o è scaduto. Chiedine uno nuovo, oppure premi “Accedi su questo dispositivo”.
pair-enter = Accesso di un nuovo dispositivo: il suo codice
pair-look-up = Continua
pair-approve = Approva
pair-cancel = Annulla
pair-approved = Approvato. L’altro dispositivo ha effettuato l’accesso.
pair-unknown = Questo codice non esiste, è già stato usato o è scaduto.
pair-too-many = Troppi codici provati. Aspetta qualche minuto, poi riprova.
device-revoke = Disconnetti
device-upload-only = solo caricamento
storage-full-hint = Sul server non c’è più spazio per le tue foto. Libera spazio o chiedi una quota più grande; premi “Riprendi” per riprovare (Shoebox riprova anche da solo ogni pochi minuti).
charge-hint = Hai scelto il backup solo durante la ricarica. Il backup riprende da solo quando il dispositivo è collegato alla corrente.
backup-off-hint = Il backup delle tue cartelle non è attivo. Attiva “Backup e sincronizzazione” per salvare le nuove foto e i nuovi video appena arrivano.
turn-on = Attiva
updated-note = Shoebox è stato aggiornato all’ultima versione.
shared-album = Condiviso
kiosk-choose = Scegli o trascina le tue foto
kiosk-choose-files = Scegli singole foto
kiosk-drop-hint = Inserisci la scheda di memoria o la chiavetta USB, poi scegli la sua cartella, oppure trascina le foto in un punto qualsiasi dello schermo.
kiosk-starting = Preparazione…
kiosk-finish = Fine
kiosk-phone = Carica dal telefono
kiosk-own = Nel tuo account Shoebox
kiosk-own-how = Sul telefono su cui hai effettuato l’accesso a Shoebox, inquadra questo codice e approva. Questo chiosco caricherà poi nel tuo account per un’ora, senza poter vedere le tue foto.
kiosk-own-line = Le tue foto vanno nel tuo account Shoebox.
kiosk-phone-hint = Inquadra questo codice con la fotocamera del telefono, oppure apri lì il link. Vale solo per questa visita.
kiosk-arrived = Già ricevuti
phone-link-ended = Questo link è scaduto insieme alla visita a cui apparteneva. Chiedine uno nuovo al chiosco.
kiosk-keep = Completa i miei caricamenti anche se me ne vado
kiosk-unavailable = Questo chiosco al momento non riesce a raggiungere il suo server. Rivolgiti al banco, per favore.
kiosk-wrong-key = Il server non accetta la chiave di questo chiosco, quindi nessuno può caricare. Rivolgiti al banco, per favore. (Per il gestore: controlla la chiave nell’indirizzo di questa schermata.)
kiosk-nothing-kept = Su questo schermo non resta nulla: quando hai finito, dimentica le tue foto.
sync-title = Backup e sincronizzazione
sync-switch = Backup e sincronizzazione
sync-hint = Mantiene aggiornato il backup delle tue cartelle mentre Shoebox è aperto, comprese le nuove foto e i nuovi video. Eliminare una foto qui non elimina mai il suo backup.
sync-add = Aggiungi una cartella di backup
sync-remove = Rimuovi
sync-allow = Consenti l’accesso alle cartelle di backup
sync-allow-why = Dopo un riavvio il browser chiede di nuovo il permesso prima che Shoebox possa leggere le tue cartelle di backup.
sync-charging-only = Backup solo durante la ricarica
sync-charging-unavailable = Backup solo durante la ricarica (questo browser non sa dire se il dispositivo è in carica)
sync-no-picker = Questo browser non può ricordare le cartelle. Usa Chromium, Chrome o Edge, su ChromeOS o su un computer.
status-complete = Backup completato
phase-waiting = in attesa
phase-inspecting = esame
phase-ready = pronto
phase-hashing = calcolo impronta
phase-checking = controllo
phase-preparing = riduzione
phase-paused = in pausa
phase-not-chosen = non scelto
library-nav-backup = Backup
library-nav-library = Libreria
library-nav-label = Shoebox
library-timeline = Foto
library-albums = Album
library-trash = Cestino
library-views-label = Viste della libreria
library-search = Cerca
library-search-hint = Nome del file o album
library-from = Dal
library-to = Al
library-clear-filters = Azzera i filtri
library-filter-label = Mostra
library-kind-all = Tutti
library-kind-photos = Foto
library-kind-videos = Video
library-kind-downsized = Ridotte
library-kind-originals = Originali
library-loading = Caricamento della libreria…
library-unavailable = Questo server non ha una libreria da mostrare, oppure questo dispositivo può solo caricare. Accedi con un account completo per vedere che cosa è nel backup.
library-failed = Impossibile caricare la libreria. Controlla la connessione e riprova.
library-retry = Riprova
library-empty = Ancora nessun backup. Le foto e i video che salvi compaiono qui.
library-no-match = Nessun risultato con questi filtri.
library-trash-empty = Il cestino è vuoto.
library-trash-note = Fino ad allora contano ancora come salvati, quindi una sincronizzazione o la stessa cartella trascinata di nuovo non li ricarica: ripristinali per vederli nella libreria. Sui tuoi dispositivi non viene mai eliminato nulla.
library-scrubber = Vai a un mese
library-grid-label = Le tue foto e i tuoi video
library-select = Seleziona
library-move-to-trash = Sposta nel cestino
library-restore = Ripristina
library-clear-selection = Deseleziona tutto
library-confirm = Sposta nel cestino
library-cancel = Annulla
library-action-failed = Operazione non riuscita: il server non ha risposto. Non è stato modificato nulla.
library-no-album = In nessun album
library-download = Scarica
library-add-to-album = Aggiungi all’album
library-new-album = Nuovo album
library-add = Aggiungi
library-your-albums = I tuoi album
library-rename = Rinomina
library-album-name = Nome dell’album
library-save = Salva
library-download-all = Scarica tutto
library-all-albums = Tutti gli album
library-selection-label = Selezione
library-added-to-album = { $count ->
    [one] { library-items } aggiunto all’album.
   *[other] { library-items } aggiunti all’album.
}
library-album-renamed = Album rinominato.
library-album-exists = Hai già un album con questo nome.
library-album-name-refused = Il nome dell’album è obbligatorio, senza caratteri di controllo e di massimo 1024 byte.
library-album-missing = Nella tua libreria non c’è nessun album chiamato “{ $name }”.
library-album-live-visit = Una visita al chiosco ancora in corso salva le sue foto in questo album. Potrai modificarlo quando la visita sarà finita.
library-choose-album-title = Aggiungi { library-items } a un album
library-album-facts-range = { library-items } · dal { $from } al { $to }
library-album-facts-day = { library-items } · il { $day }
library-no-albums = Ancora nessun album. Le cartelle che salvi diventano album.
library-close = Chiudi
library-previous = Precedente
library-next = Successiva
library-zoom = Ingrandisci
library-fit = Adatta alla finestra
library-download-original = Scarica l’originale
library-download-copy = Scarica
library-downsized-note = Questa è la copia ridotta (alta qualità). L’originale non è stato caricato, quindi questa è la copia migliore disponibile.
library-details = Dettagli
library-no-thumb = Nessuna anteprima
library-d-name = Nome
library-d-folder = Cartella
library-d-album = Album
library-d-taken = Data dello scatto
library-d-size = Dimensione
library-d-pixels = Pixel
library-d-camera = Fotocamera
library-d-place = Luogo
library-d-quality = Qualità
library-q-downsized = Ridotta a 16 MP (alta qualità)
library-q-original = Originale
library-video = Video
library-video-unplayable = Questo video non si può riprodurre in questo browser (il suo formato richiede un hardware che questo dispositivo non ha). Scarica l’originale per guardarlo.
library-motion = Live
library-play-motion = Riproduci movimento
library-trashed = Nel cestino
library-download-motion = Scarica il clip in movimento
library-download-sidecar = Scarica { $filename }

choose-photos = Scegli foto
take-photo = Scatta una foto
phone-choose = Invia foto da questo telefono
phone-hint = Scegli le foto e i video di questo telefono da inviare. Si aggiungono a questa visita al chiosco, insieme a tutto il resto che porti.
kiosk-photos = { $count ->
    [one] { $count } foto
   *[other] { $count } foto
}
kiosk-images = { $count ->
    [one] { $count } immagine
   *[other] { $count } immagini
}
kiosk-videos = { $count ->
    [one] { $count } video
   *[other] { $count } video
}
kiosk-files = { $count ->
    [one] { $count } file
   *[other] { $count } file
}
kiosk-done-kinds = Fatto: hai salvato { $kinds }.
kiosk-done-nothing = Fatto: non è stato salvato nulla di nuovo.
kiosk-done-card = { $done } Ora puoi estrarre la scheda.
list-more = { $first }, { $next }
list-last = { $rest } e { $last }
kiosk-reset-in = Questa schermata ricomincia tra { $seconds } s
skipped-media = { $count ->
    [one] { $count } foto o video saltato
   *[other] { $count } foto o video saltati
}
skipped-ignored = { $count ->
    [one] { $count } altro file ignorato
   *[other] { $count } altri file ignorati
}
skipped-see-why = { $what } — scopri perché
library-trash-kept = Gli elementi nel cestino vengono eliminati definitivamente dal server { $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} dopo esservi stati spostati. { $rest }
library-trash-kept-unknown = Gli elementi nel cestino vengono eliminati definitivamente dal server dopo un po’ di tempo. { $rest }
library-days-left = { $days ->
    [one] Ancora { $days } giorno
   *[other] Ancora { $days } giorni
}
library-deleted-soon = Verrà eliminato a breve
library-emptied = { $count ->
    [one] { $count } elemento eliminato definitivamente.
   *[other] { $count } elementi eliminati definitivamente.
}
library-restore-all = Ripristina tutto
library-empty-trash = Svuota il cestino
library-empty-trash-yes = Elimina definitivamente
library-empty-trash-title = Svuotare il cestino?
library-empty-trash-body = Tutto ciò che è nel cestino viene eliminato definitivamente dal server, ora. L’operazione non si può annullare. Sui tuoi dispositivi non viene eliminato nulla.
library-undo = Annulla
library-visits-heading = Visite al chiosco di oggi
library-visit-code = Codice { $code }
library-visit-span = dalle { $start } alle { $end }
library-visit-live = In corso
library-visit-empty = Nessun elemento salvato finora

# Google Takeout import
takeout-summary = Esportazione di Google Foto: { $photos ->
    [one] { $photos } foto
   *[other] { $photos } foto
}, { $videos ->
    [one] { $videos } video
   *[other] { $videos } video
}, { $albums ->
    [one] { $albums } album
   *[other] { $albums } album
}; { $dates ->
    [one] { $dates } data
   *[other] { $dates } date
} e { $places ->
    [one] { $places } luogo
   *[other] { $places } luoghi
} da Google; { $without ->
    [one] { $without } elemento
   *[other] { $without } elementi
} senza file associato
takeout-reading = Lettura delle descrizioni dell’esportazione: ne restano { $count }.
takeout-notes-title = Elementi dell’esportazione non abbinati o non usati
takeout-note-no-sidecar = Nessun file associato: mantiene la propria data e il proprio luogo
takeout-note-sidecar-unused = File associato senza la sua foto o il suo video
takeout-note-not-kept = Non conservato per un archivio successivo (questo browser ne conserva già 100.000): sceglilo insieme all’archivio che contiene il suo corrispondente
takeout-note-not-json = Il file associato non è JSON leggibile
takeout-note-bad-date = Impossibile usare la data del file associato
takeout-note-bad-place = Impossibile usare il luogo del file associato
takeout-note-bad-value = Impossibile usare un valore del file associato
takeout-note-description-cut = Descrizione troppo lunga: troncata
takeout-note-albums-dropped = Alcuni nomi di album erano troppo lunghi: omessi
takeout-note-place-stripped = Luogo omesso (“Rimuovi la posizione dalle foto”)
takeout-parts = { $count ->
    [one] Parte { $parts } dell’archivio.
   *[other] Parti { $parts } dell’archivio.
}
takeout-parts-missing = { $count ->
    [one] Manca la parte { $parts }.
   *[other] Mancano le parti { $parts }.
}
takeout-note-tar = Un’esportazione .tgz o .tar: estraila prima, poi scegli la cartella
takeout-note-not-zip = Non è un archivio .zip
takeout-note-truncated = L’archivio è incompleto (un download interrotto?)
takeout-note-corrupt = L’archivio è danneggiato e non si può leggere
takeout-note-encrypted = Cifrato: non importato
takeout-note-outside = Il suo percorso punta fuori dall’archivio: non importato
takeout-note-method = Compresso con un metodo non leggibile: non importato
takeout-note-sizes = Dimensioni dichiarate incoerenti: non importato

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }, oltre il limite di { $limit }
skip-over-server-limit = { $size }, oltre il limite del server
skip-over-pixel-limit-of = { $pixels }, oltre il limite di { $limit }
skip-under-minimum-size-of = { $side } sul lato più corto, sotto il minimo di { $minimum }
size-mp = { $value } MP
size-px = { $value } px
csv-path = percorso
csv-reason = motivo
skipped-dismiss = Nascondi

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = Backup attivato
sync-busy = Backup in corso
sync-add-prompt = Aggiungi una cartella di cui fare il backup: finché Shoebox è aperto, esegue il backup delle nuove foto e dei nuovi video al suo interno.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = Nessun nuovo elemento di cui fare il backup
complete-open-library = Guardali nella tua libreria

# The file list: finished batches folded into one line
earlier-batches = Backup precedenti in questa pagina: { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox — backup di foto e video
manifest-short-name = Shoebox
manifest-description = Esegui il backup di foto e video da questo dispositivo, con cartelle sincronizzate e niente altro da installare.
manifest-shot-running = Un backup in corso
manifest-shot-plan = Il piano prima di inviare qualsiasi cosa
library-remove-from-album = Rimuovi dall’album
library-removed-from-album = { $count ->
    [one] { library-items } rimosso dall’album.
   *[other] { library-items } rimossi dall’album.
}
plan-album-named = Tutto in “{ $name }”
plan-albums-none = Nessun album: tutto va solo nella tua libreria.
plan-albums-count = { $count ->
    [one] Verrà creato { $count } album:
   *[other] Verranno creati { $count } album:
}
plan-albums-more = { $count ->
    [one] +{ $count } altro
   *[other] +{ $count } altri
}
