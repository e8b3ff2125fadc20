# Shoebox, Nederlands. Dezelfde sleutels en variabelen als en.ftl.

## Counts and sizes

files = { $count ->
    [one] { $count } bestand
   *[other] { $count } bestanden
}
list-separator = {", "}
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-kb = { $value } kB
size-mb = { $value } MB
size-gb = { $value } GB
size-tb = { $value } TB
speed = { $size }/s
eta-under-minute = minder dan een minuut
eta-minutes = ongeveer { $minutes } min
eta-hours = ongeveer { $hours } u { $minutes } min

## The plan and the backup

plan-checking = De inhoud van elk bestand wordt gecontroleerd: { $checked } van { $total }. De aantallen hierboven kunnen nog iets veranderen.
plan-checked = { $total ->
    [one] Het bestand is gecontroleerd.
   *[other] Alle { $total } bestanden zijn gecontroleerd.
}
continue-hint = Kies of sleep dezelfde mappen of archieven opnieuw om verder te gaan waar je was gebleven. Bestanden die al zijn verstuurd, worden niet opnieuw verstuurd.
continue-archives = Archieven om opnieuw te kiezen: { $names }
continue-detail = { $count ->
    [one] { $count } bestand is de vorige keer niet afgerond.
   *[other] { $count } bestanden zijn de vorige keer niet afgerond.
} { continue-hint }
more-folders = { $count ->
    [one] en nog { $count } map
   *[other] en nog { $count } mappen
}
more-in-csv = en nog { $count } in het CSV-bestand
bytes-of = { $done } van { $total }
files-of = { $total ->
    [one] { $done } van { $total } bestand
   *[other] { $done } van { $total } bestanden
}
status-looking = Je mappen worden doorzocht ({ $found } gevonden)
status-ready-to-back-up = { $count ->
    [one] Klaar om een back-up te maken van { $count } foto of video
   *[other] Klaar om een back-up te maken van { $count } foto's en video's
}
status-backing-up = Back-up wordt gemaakt: { $done } van { $total }
backing-up-left = nog { $size }
backing-up-left-eta = nog { $size }, { $eta }
complete-uploaded = { $count } geüpload
complete-already = { $count } al geback-upt
complete-skipped = { $count } overgeslagen
complete-failed = { $count } mislukt
skipped-line = { $count ->
    [one] Eén foto of video is overgeslagen — bekijk waarom
   *[other] { $count } foto's of video's zijn overgeslagen — bekijk waarom
}
plan-totals = { $photos ->
    [one] { $photos } foto
   *[other] { $photos } foto's
}, { $videos ->
    [one] { $videos } video
   *[other] { $videos } video's
}, { $downsize } te verkleinen, { $skipped } overgeslagen
folder-meta = { files } · { $size }
folder-meta-reading = { files } · groottes worden gelezen (tot nu toe { $size })
plan-size-line = { files } te back-uppen, { $size }
plan-size-skipped = { $skipped } overgeslagen
plan-size-not-chosen = { $notchosen } niet gekozen
page-line = Op deze pagina: { $batches ->
    [one] { $batches } back-up
   *[other] { $batches } back-ups
}, { files } — { $parts }
page-uploaded = { $uploaded } geüpload ({ $size })
page-already = { $already } al geback-upt
page-skipped = { $skipped } overgeslagen
page-failed = { $failed } mislukt
phase-uploading = uploaden { $percent }%
phase-retrying = nieuwe poging over { $seconds } s

## A file's outcome

outcome-uploaded = geüpload
outcome-uploaded-note = geüpload ({ $note })
outcome-already = al geback-upt
outcome-skipped = overgeslagen: { $reason }
outcome-failed = mislukt: { $reason }
skip-not-media = geen foto of video
skip-empty-file = leeg bestand
skip-system-file = systeembestand
skip-over-size-limit = groter dan toegestaan
skip-over-pixel-limit = meer pixels dan toegestaan
skip-under-minimum-size = kleiner dan het minimum
note-unreadable-sent-original = niet leesbaar, als origineel verstuurd
note-kept-original = origineel behouden
note-downsized = verkleind tot 16 MP

## Why something failed

fail-timeout = het verzoek duurde te lang
fail-stalled = de verbinding bleef hangen
fail-aborted = het verzoek is afgebroken
fail-connection = netwerkfout: de verbinding is mislukt
fail-network = netwerkfout: { $detail }
fail-server-answered = de server antwoordde { $status }
fail-server-said = de server antwoordde { $status }: { $reason }
fail-no-location = de server antwoordde op het aanmaken zonder Location
fail-no-offset = de server antwoordde op HEAD zonder Upload-Offset
fail-gone = netwerkfout: het bestand is niet meer beschikbaar
fail-cancelled = geannuleerd
fail-unknown = onbekend
fault-read-failed = het bestand kon niet worden gelezen: { $detail }
fault-malformed-job = ongeldige taak
fault-crashed = de worker is vastgelopen: { $detail }
fault-not-started = de workers konden niet starten
fault-not-started-detail = de workers konden niet starten: { $detail }
fault-not-sent = postMessage mislukt: { $detail }
fault-dropped = de workerpool is de taak kwijtgeraakt
fault-unexpected-reply = de worker gaf een onverwacht antwoord
fault-malformed-digest = de worker gaf een ongeldige controlesom
fault-no-blob = de blob kon niet worden gemaakt
fault-no-codecs = deze worker heeft geen fotocodecs
fault-thumbnail = miniatuur mislukt: { $detail }
fault-inflate-corrupt = de gegevens in het archief zijn beschadigd en kunnen niet worden uitgepakt
fault-inflate-sizes = uitgepakt heeft het een andere grootte dan het archief opgeeft (beschadigd, of een zipbom)
fault-inflate-crc = de uitgepakte gegevens komen niet overeen met de controlesom van het archief: het archief is beschadigd
api-bad-request = het verzoek was ongeldig
api-unauthorized = dit apparaat is niet aangemeld
api-forbidden = dit apparaat mag dat niet
api-not-found = deze upload of dit bestand bestaat niet
api-gone = de upload is verlopen
api-offset-conflict = de server heeft een ander deel van dit bestand
api-locked = een ander verzoek schrijft al naar deze upload
api-unsupported-version = de server spreekt een andere versie van het uploadprotocol
api-unsupported-media-type = de server accepteerde de manier niet waarop het bestand is verstuurd
api-too-large = het bestand is groter dan de server accepteert
api-over-kiosk-limit = het bestand is groter dan deze kiosk accepteert
api-digest-mismatch = de gegevens die de server ontving, komen niet overeen met het bestand
api-checksum-mismatch = een deel van het bestand kwam beschadigd aan
api-storage-full = de opslag van de server is vol
api-quota-full = je opslag is vol
api-kiosk-full = deze kiosk kan op dit moment niets meer aannemen
api-rate-limited = te veel pogingen; wacht een paar minuten en probeer het opnieuw
api-read-only = de server kan nu geen bestanden opslaan; er is niets verloren, probeer het later opnieuw
api-stored-mismatch = de server heeft het bestand verkeerd opgeslagen; het wordt opnieuw verstuurd
api-album-exists = er bestaat al een album met die naam
api-album-live-visit = in dit album worden de foto's opgeslagen van een kioskbezoek dat nog bezig is
api-internal = interne serverfout
api-unknown = de server weigerde

## Devices and signing in

pair-title = “{ $name }” aanmelden bij je account?
pair-title-upload = { $hours ->
    [one] “{ $name }” { $hours } uur laten uploaden naar je account?
   *[other] “{ $name }” { $hours } uur laten uploaden naar je account?
}
pair-body = Het apparaat kan je foto's zien en er een back-up van maken.
pair-body-upload-only = Het apparaat kan je foto's niet zien.
storage-line = Opslag: { $used } gebruikt
storage-line-quota = Opslag: { $used } van { $quota } gebruikt
device-chromebook = Chromebook
device-windows = Windows-pc
device-mac = Mac
device-android = Android-telefoon
device-iphone = iPhone of iPad
device-linux = Linux-computer
device-browser = Een browser

## Kiosk and Back up & sync

kiosk-done = { $count ->
    [one] Klaar — { $count } foto opgeslagen. Je kunt je kaart eruit halen.
   *[other] Klaar — { $count } foto's opgeslagen. Je kunt je kaart eruit halen.
}
kiosk-finishing = Stopt over { $seconds } s — tik om te blijven
kiosk-drop = Je foto's staan in “{ $drop }”. Je code: { $code }
sync-never = nog niet volledig geback-upt
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · laatst volledig geback-upt { $time }
last-backup = Laatste back-up: { $time }

## Library

library-items = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
library-totals = { library-items } · { $size } · { $used } gebruikt op de server
library-totals-quota = { library-items } · { $size } · { $used } van { $quota } gebruikt
library-selected = { $count } geselecteerd
library-confirm-trash-title = { library-items } naar de prullenbak verplaatsen?
library-confirm-trash-body = { $count ->
    [one] Het wordt 30 dagen bewaard en kan tot dan worden teruggezet.
   *[other] Ze worden 30 dagen bewaard en kunnen tot dan worden teruggezet.
} Op dit apparaat wordt niets verwijderd.
library-moved-to-trash = { library-items } naar de prullenbak verplaatst.
library-restored = { library-items } teruggezet.
library-album-line = { library-items } · { $size }
library-select-item = { $name } selecteren
library-open-item = { $name }, { $day }
library-position = { $n } van { $total }

## Fixed words

app-name = Shoebox
tagline = Maak een back-up van je foto's en video's. Niets te installeren.
page-title = Shoebox · Back-up van je foto's en video's
drop-hint = Sleep mappen of foto's naar een willekeurige plek op deze pagina
drop-active = Loslaten om ze aan je back-up toe te voegen
choose-folders = Mappen kiezen
choose-files = Bestanden kiezen
add-more = Meer mappen toevoegen
back-up = Back-up maken
pause = Pauzeren
resume = Hervatten
continue = Doorgaan
continue-remembered = Doorgaan leest deze opnieuw:
retry-failed = Mislukte opnieuw proberen
cancel = Annuleren
retry = Opnieuw proberen
settings = Instellingen
download-csv = Lijst downloaden (CSV)
empty-title = Nog niets gekozen
empty-body = Kies de mappen met je foto's en video's, of sleep ze hierheen. Shoebox bekijkt ze eerst en laat zien wat er geback-upt wordt voordat er iets wordt verstuurd.
plan-title = Wat er geback-upt wordt
files-title = Bestanden
overall-progress = Totale voortgang
skipped-title = Overgeslagen bestanden en waarom
leave-warning = Je back-up loopt nog. Als je weggaat, gaat hij de volgende keer verder waar hij was gebleven.
done-notification = Je back-up is klaar
file-unreadable = Dit bestand kon niet worden geopend. Misschien is het verplaatst of verwijderd, of wordt het nog gedownload.
plan-hint = Controleer de mappen hieronder en tik dan op “Back-up maken”. Daarvoor wordt niets verstuurd.
paused-hint = Er wordt niets verstuurd. Tik op “Hervatten” om verder te gaan waar de back-up was gebleven.
offline-hint = Dit apparaat is offline. De back-up gaat vanzelf verder zodra de verbinding terug is.
wifi-hint = Je hebt gekozen om alleen via wifi een back-up te maken, en deze verbinding gebruikt mobiele data. De back-up gaat verder zodra er wifi is.
sign-in-hint = De server heeft dit apparaat niet geaccepteerd. Tik hieronder op “Dit apparaat aanmelden” en keur het goed op een apparaat dat al is aangemeld, of open de link die je kreeg opnieuw.
set-quality = Uploadgrootte
set-quality-original = Origineel
set-quality-high = Hoge kwaliteit (tot 16 MP)
set-limits = Limieten
set-limits-server = Die van de server
set-limits-seed = Klassiek (75 MB, foto's tot 100 MP)
set-limits-google = Google Foto's (200 MB, 200 MP, minstens 256 px)
set-destination = Bestemming (tus-adres; leeg betekent deze server)
set-token = Toegangssleutel
set-wifi-only = Alleen via wifi back-up maken
set-parallel = Uploads tegelijk
set-album = Albums
set-album-folder = Eén album per hoofdmap
set-album-folders = Eén album per map, ook voor submappen
set-album-none = Geen albums
set-album-named = Alles in één album met de naam…
set-album-name = Albumnaam
set-language = Taal
set-language-hint = Wordt op dit apparaat opgeslagen.
set-backup = Back-up
set-storage = Opslag
set-advanced = Geavanceerd
set-advanced-hint = Waar de uploads heen gaan en hoeveel er tegelijk lopen. Wijzig deze instellingen alleen als iemand je dat heeft gevraagd.
filter-group = Tonen
filter-all = Alles
filter-pending = Bezig
filter-uploaded = Geüpload
filter-already = Al geback-upt
filter-skipped = Overgeslagen
filter-failed = Mislukt
file-list = Bestandslijst
folders = Mappen
loose-files = (losse bestanden)
set-strip-location = Locatie uit foto's verwijderen
status-ready = Klaar
status-continue = Ga verder met je back-up
status-sign-in = Aanmelden nodig
status-offline = Wachten op verbinding
status-wifi = Wachten op wifi
status-paused = Back-up is gepauzeerd
status-charge = Wachten op opladen
status-backup-off = Back-up staat uit
status-storage-full = Je opslag is vol
devices-title = Apparaten en opslag
sign-in-this = Dit apparaat aanmelden
sign-in-how = Scan deze code op een apparaat dat al bij Shoebox is aangemeld, of open daar “Apparaten en opslag” en voer hem in:
sign-in-failed = Shoebox kon het aanmelden niet starten. Controleer de verbinding en probeer het opnieuw.
sign-in-expired = De aanmeldcode is verlopen. Tik op “Dit apparaat aanmelden” voor een nieuwe.
sign-in-link-used = Deze aanmeldlink is al gebruikt of verlopen. Vraag een nieuwe aan, of tik op “Dit apparaat aanmelden”.
pair-enter = Een nieuw apparaat aanmelden: de code
pair-look-up = Doorgaan
pair-approve = Goedkeuren
pair-cancel = Annuleren
pair-approved = Goedgekeurd. Het andere apparaat is aangemeld.
pair-unknown = Die code is onbekend, al gebruikt of verlopen.
pair-too-many = Te veel codes geprobeerd. Wacht een paar minuten en probeer het dan opnieuw.
device-revoke = Afmelden
device-upload-only = alleen uploaden
storage-full-hint = Er is op de server geen ruimte meer voor je foto's. Maak ruimte vrij of vraag om meer opslag; tik op “Hervatten” om het opnieuw te proberen (Shoebox probeert het ook om de paar minuten zelf).
charge-hint = Je hebt gekozen om alleen tijdens het opladen een back-up te maken. De back-up gaat vanzelf verder zodra dit apparaat aan de lader hangt.
backup-off-hint = Er wordt geen back-up van je mappen gemaakt. Zet “Back-up & synchronisatie” aan om een back-up te maken van nieuwe foto's en video's zodra ze binnenkomen.
turn-on = Aanzetten
updated-note = Shoebox is bijgewerkt naar de nieuwste versie.
shared-album = Gedeeld
kiosk-choose = Kies of sleep je foto's
kiosk-choose-files = Losse foto's kiezen
kiosk-drop-hint = Steek je geheugenkaart of usb-stick erin en kies de map — of sleep foto's ergens op dit scherm.
kiosk-starting = Even voorbereiden…
kiosk-finish = Klaar
kiosk-phone = Uploaden vanaf je telefoon
kiosk-own = Naar je eigen Shoebox-account
kiosk-own-how = Scan deze code op je telefoon waarop je bij Shoebox bent aangemeld, en keur goed. Deze kiosk uploadt dan een uur lang naar je account en kan je foto's niet zien.
kiosk-own-line = Je foto's gaan naar je eigen Shoebox-account.
kiosk-phone-hint = Scan deze code met de camera van je telefoon, of open de link daarop. Hij werkt alleen tijdens dit bezoek.
kiosk-arrived = Al ontvangen
phone-link-ended = Deze link is verlopen samen met het bezoek waar hij bij hoorde. Vraag bij de kiosk om een nieuwe.
kiosk-keep = Mijn uploads afmaken als ik wegloop
kiosk-unavailable = Deze kiosk kan zijn server nu niet bereiken. Vraag het even aan de balie.
kiosk-wrong-key = De server accepteert de sleutel van deze kiosk niet, dus niemand kan uploaden. Vraag het even aan de balie. (Voor de beheerder: controleer de sleutel in het adres van dit scherm.)
kiosk-nothing-kept = Er blijft niets op dit scherm: als je klaar bent, vergeet het je foto's.
sync-title = Back-up & synchronisatie
sync-switch = Back-up & synchronisatie
sync-hint = Houdt de back-up van je mappen bij zolang Shoebox open is, ook voor nieuwe foto's en video's. Als je hier een foto verwijdert, blijft de back-up ervan bestaan.
sync-add = Back-upmap toevoegen
sync-remove = Verwijderen
sync-allow = Toegang tot je back-upmappen toestaan
sync-allow-why = Na een herstart vraagt de browser het nog een keer voordat Shoebox je back-upmappen mag lezen.
sync-charging-only = Alleen tijdens opladen back-up maken
sync-charging-unavailable = Alleen tijdens opladen back-up maken (deze browser kan niet zien of het apparaat oplaadt)
sync-no-picker = Deze browser kan geen mappen onthouden. Gebruik Chromium, Chrome of Edge, op ChromeOS of een computer.
status-complete = Back-up voltooid
phase-waiting = wachten
phase-inspecting = bekijken
phase-ready = klaar
phase-hashing = controlesom berekenen
phase-checking = controleren
phase-preparing = verkleinen
phase-paused = gepauzeerd
phase-not-chosen = niet gekozen
library-nav-backup = Back-up
library-nav-library = Bibliotheek
library-nav-label = Shoebox
library-timeline = Foto's
library-albums = Albums
library-trash = Prullenbak
library-views-label = Weergaven van de bibliotheek
library-search = Zoeken
library-search-hint = Bestandsnaam of album
library-from = Van
library-to = Tot
library-clear-filters = Filters wissen
library-filter-label = Tonen
library-kind-all = Alles
library-kind-photos = Foto's
library-kind-videos = Video's
library-kind-downsized = Verkleind
library-kind-originals = Originelen
library-loading = Je bibliotheek wordt geladen…
library-unavailable = Deze server heeft geen bibliotheek om te tonen, of dit apparaat mag alleen uploaden. Meld je aan met een volledig account om te zien wat er geback-upt is.
library-failed = De bibliotheek kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.
library-retry = Opnieuw proberen
library-empty = Nog niets geback-upt. Foto's en video's waarvan je een back-up maakt, verschijnen hier.
library-no-match = Niets past bij deze filters.
library-trash-empty = De prullenbak is leeg.
library-trash-note = Tot die tijd tellen ze nog als geback-upt, dus een synchronisatie of dezelfde map die opnieuw wordt gesleept, uploadt ze niet opnieuw: zet ze terug om ze in je bibliotheek te zien. Op je apparaten wordt nooit iets verwijderd.
library-scrubber = Naar een maand gaan
library-grid-label = Je foto's en video's
library-select = Selecteren
library-move-to-trash = Verplaatsen naar prullenbak
library-restore = Terugzetten
library-clear-selection = Selectie wissen
library-confirm = Verplaatsen naar prullenbak
library-cancel = Annuleren
library-action-failed = Dat is niet gelukt: de server reageerde niet. Er is niets gewijzigd.
library-no-album = Niet in een album
library-download = Downloaden
library-add-to-album = Aan album toevoegen
library-new-album = Nieuw album
library-add = Toevoegen
library-your-albums = Je albums
library-rename = Naam wijzigen
library-album-name = Albumnaam
library-save = Opslaan
library-download-all = Alles downloaden
library-all-albums = Alle albums
library-selection-label = Selectie
library-added-to-album = { library-items } aan het album toegevoegd.
library-album-renamed = Naam van album gewijzigd.
library-album-exists = Je hebt al een album met die naam.
library-album-name-refused = Een albumnaam is verplicht, zonder stuurtekens en maximaal 1024 bytes.
library-album-missing = Er is geen album met de naam “{ $name }” in je bibliotheek.
library-album-live-visit = In dit album worden de foto's opgeslagen van een kioskbezoek dat nog bezig is. Je kunt het album wijzigen zodra het bezoek voorbij is.
library-choose-album-title = { library-items } aan een album toevoegen
library-album-facts-range = { library-items } · van { $from } tot { $to }
library-album-facts-day = { library-items } · op { $day }
library-no-albums = Nog geen albums. Mappen waarvan je een back-up maakt, worden albums.
library-close = Sluiten
library-previous = Vorige
library-next = Volgende
library-zoom = Zoomen
library-fit = Aanpassen aan venster
library-download-original = Origineel downloaden
library-download-copy = Downloaden
library-downsized-note = Dit is de verkleinde kopie (hoge kwaliteit). Het origineel is niet geüpload, dus dit is de beste kopie die er is.
library-details = Details
library-no-thumb = Geen voorbeeld
library-d-name = Naam
library-d-folder = Map
library-d-album = Album
library-d-taken = Gemaakt op
library-d-size = Grootte
library-d-pixels = Pixels
library-d-camera = Camera
library-d-place = Plaats
library-d-quality = Kwaliteit
library-q-downsized = Verkleind tot 16 MP (hoge kwaliteit)
library-q-original = Origineel
library-video = Video
library-video-unplayable = Deze video kan niet in deze browser worden afgespeeld (het formaat vraagt om hardware die dit apparaat niet heeft). Download het origineel om hem te bekijken.
library-motion = Live
library-play-motion = Beweging afspelen
library-trashed = In de prullenbak
library-download-motion = Bewegende clip downloaden
library-download-sidecar = { $filename } downloaden

choose-photos = Foto's kiezen
take-photo = Foto maken
phone-choose = Foto's van deze telefoon versturen
phone-hint = Kies de foto's en video's op deze telefoon die je wilt versturen. Ze komen bij dit bezoek aan de kiosk, samen met alles wat je verder meebrengt.
kiosk-photos = { $count ->
    [one] { $count } foto
   *[other] { $count } foto's
}
kiosk-images = { $count ->
    [one] { $count } afbeelding
   *[other] { $count } afbeeldingen
}
kiosk-videos = { $count ->
    [one] { $count } video
   *[other] { $count } video's
}
kiosk-files = { $count ->
    [one] { $count } bestand
   *[other] { $count } bestanden
}
kiosk-done-kinds = Klaar — { $kinds } opgeslagen.
kiosk-done-nothing = Klaar — er is niets nieuws opgeslagen.
kiosk-done-card = { $done } Je kunt je kaart nu eruit halen.
list-more = { $first }, { $next }
list-last = { $rest } en { $last }
kiosk-reset-in = Dit scherm begint over { $seconds } s opnieuw
skipped-media = { $count ->
    [one] { $count } foto of video overgeslagen
   *[other] { $count } foto's of video's overgeslagen
}
skipped-ignored = { $count ->
    [one] { $count } ander bestand genegeerd
   *[other] { $count } andere bestanden genegeerd
}
skipped-see-why = { $what } — bekijk waarom
library-trash-kept = Items in de prullenbak worden { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
} nadat ze erin zijn gezet definitief van de server verwijderd. { $rest }
library-trash-kept-unknown = Items in de prullenbak worden na verloop van tijd definitief van de server verwijderd. { $rest }
library-days-left = { $days ->
    [one] Nog { $days } dag
   *[other] Nog { $days } dagen
}
library-deleted-soon = Wordt binnenkort verwijderd
library-emptied = { $count ->
    [one] { $count } item definitief verwijderd.
   *[other] { $count } items definitief verwijderd.
}
library-restore-all = Alles terugzetten
library-empty-trash = Prullenbak legen
library-empty-trash-yes = Definitief verwijderen
library-empty-trash-title = Prullenbak legen?
library-empty-trash-body = Alles in de prullenbak wordt nu definitief van de server verwijderd. Dit kan niet ongedaan worden gemaakt. Op je apparaten wordt niets verwijderd.
library-undo = Ongedaan maken
library-visits-heading = Kioskbezoeken van vandaag
library-visit-code = Bezoekcode { $code }
library-visit-span = { $start } tot { $end }
library-visit-live = Bezig
library-visit-empty = Nog niets opgeslagen

# Google Takeout import
takeout-summary = Google Foto's-export: { $photos ->
    [one] { $photos } foto
   *[other] { $photos } foto's
}, { $videos ->
    [one] { $videos } video
   *[other] { $videos } video's
}, { $albums ->
    [one] { $albums } album
   *[other] { $albums } albums
}; { $dates ->
    [one] { $dates } datum
   *[other] { $dates } datums
} en { $places ->
    [one] { $places } plaats
   *[other] { $places } plaatsen
} van Google; { $without ->
    [one] { $without } item
   *[other] { $without } items
} zonder bijbehorend bestand
takeout-reading = Beschrijvingen uit de export worden gelezen: nog { $count }.
takeout-notes-title = Uit de export: niet gekoppeld of niet gebruikt
takeout-note-no-sidecar = Geen bijbehorend bestand: houdt eigen datum en plaats
takeout-note-sidecar-unused = Bijbehorend bestand zonder foto of video
takeout-note-not-kept = Niet bewaard voor een later archief (deze browser bewaart er al 100.000): kies het samen met het archief waarin de tegenhanger staat
takeout-note-not-json = Bijbehorend bestand is geen leesbare JSON
takeout-note-bad-date = De datum in het bijbehorende bestand kon niet worden gebruikt
takeout-note-bad-place = De plaats in het bijbehorende bestand kon niet worden gebruikt
takeout-note-bad-value = Een waarde in het bijbehorende bestand kon niet worden gebruikt
takeout-note-description-cut = Beschrijving te lang: ingekort
takeout-note-albums-dropped = Sommige albumnamen waren te lang: weggelaten
takeout-note-place-stripped = Plaats weggelaten (“Locatie uit foto's verwijderen”)
takeout-parts = { $count ->
    [one] Archiefdeel { $parts }.
   *[other] Archiefdelen { $parts }.
}
takeout-parts-missing = { $count ->
    [one] Deel { $parts } ontbreekt.
   *[other] Delen { $parts } ontbreken.
}
takeout-note-tar = Een .tgz- of .tar-export: pak die eerst uit en kies dan de map
takeout-note-not-zip = Geen .zip-archief
takeout-note-truncated = Het archief is onvolledig (een afgebroken download?)
takeout-note-corrupt = Het archief is beschadigd en niet leesbaar
takeout-note-encrypted = Versleuteld: niet geïmporteerd
takeout-note-outside = Het pad wijst naar buiten het archief: niet geïmporteerd
takeout-note-method = Gecomprimeerd op een onleesbare manier: niet geïmporteerd
takeout-note-sizes = De groottes kunnen niet kloppen: niet geïmporteerd

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }, boven de limiet van { $limit }
skip-over-server-limit = { $size }, boven de limiet van de server
skip-over-pixel-limit-of = { $pixels }, boven de limiet van { $limit }
skip-under-minimum-size-of = { $side } aan de kortste zijde, onder het minimum van { $minimum }
size-mp = { $value } MP
size-px = { $value } px
csv-path = pad
csv-reason = reden
skipped-dismiss = Verbergen

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = Back-up staat aan
sync-busy = Back-up wordt gemaakt
sync-add-prompt = Voeg een map toe voor de back-up: zolang Shoebox open is, maakt het een back-up van de nieuwe foto's en video's erin.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = Niets nieuws om een back-up van te maken
complete-open-library = Bekijk ze in je bibliotheek

# The file list: finished batches folded into one line
earlier-batches = Eerdere back-ups op deze pagina: { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox — back-up van foto's en video's
manifest-short-name = Shoebox
manifest-description = Maak een back-up van de foto's en video's op dit apparaat, met gesynchroniseerde mappen en zonder iets extra te installeren.
manifest-shot-running = Een back-up wordt gemaakt
manifest-shot-plan = Het plan voordat er iets wordt verstuurd
library-remove-from-album = Uit album verwijderen
library-removed-from-album = { library-items } uit het album verwijderd.
plan-album-named = Alles in “{ $name }”
plan-albums-none = Geen albums: alles gaat alleen naar de bibliotheek.
plan-albums-count = { $count ->
    [one] Er wordt { $count } album gemaakt:
   *[other] Er worden { $count } albums gemaakt:
}
plan-albums-more = { $count ->
    [one] +{ $count } meer
   *[other] +{ $count } meer
}
