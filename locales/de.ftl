# Shoebox, Deutsch. Schlüssel und Variablen wie in en.ftl.

## Counts and sizes

files = { $count ->
    [one] { $count } Datei
   *[other] { $count } Dateien
}
list-separator = {", "}
size-bytes = { $count ->
    [one] { $count } Byte
   *[other] { $count } Byte
}
size-kb = { $value } kB
size-mb = { $value } MB
size-gb = { $value } GB
size-tb = { $value } TB
speed = { $size }/s
eta-under-minute = weniger als eine Minute
eta-minutes = etwa { $minutes } Min.
eta-hours = etwa { $hours } Std. { $minutes } Min.

## The plan and the backup

plan-checking = Der Inhalt jeder Datei wird geprüft: { $checked } von { $total }. Die Zahlen oben können sich noch leicht ändern.
plan-checked = { $total ->
    [one] Die Datei ist geprüft.
   *[other] Alle { $total } Dateien sind geprüft.
}
continue-hint = Wählen Sie dieselben Ordner oder Archive noch einmal aus oder ziehen Sie sie hierher, um dort weiterzumachen, wo Sie aufgehört haben. Bereits gesendete Dateien werden nicht noch einmal gesendet.
continue-archives = Erneut auszuwählende Archive: { $names }
continue-detail = { $count ->
    [one] { $count } Datei wurde
   *[other] { $count } Dateien wurden
} beim letzten Mal nicht fertig. { continue-hint }
more-folders = { $count ->
    [one] und { $count } weiterer Ordner
   *[other] und { $count } weitere Ordner
}
more-in-csv = und { $count } weitere in der CSV-Datei
bytes-of = { $done } von { $total }
files-of = { $total ->
    [one] { $done } von { $total } Datei
   *[other] { $done } von { $total } Dateien
}
status-looking = Ordner werden durchsucht ({ $found } gefunden)
status-ready-to-back-up = { $count ->
    [one] Bereit, { $count } Foto oder Video zu sichern
   *[other] Bereit, { $count } Fotos und Videos zu sichern
}
status-backing-up = Wird gesichert: { $done } von { $total }
backing-up-left = noch { $size }
backing-up-left-eta = noch { $size }, { $eta }
complete-uploaded = { $count } hochgeladen
complete-already = { $count } bereits gesichert
complete-skipped = { $count } übersprungen
complete-failed = { $count } fehlgeschlagen
skipped-line = { $count ->
    [one] Ein Foto oder Video wurde übersprungen – Gründe ansehen
   *[other] { $count } Fotos oder Videos wurden übersprungen – Gründe ansehen
}
plan-totals = { $photos ->
    [one] { $photos } Foto
   *[other] { $photos } Fotos
}, { $videos ->
    [one] { $videos } Video
   *[other] { $videos } Videos
}, { $downsize } zum Verkleinern, { $skipped } übersprungen
folder-meta = { files } · { $size }
folder-meta-reading = { files } · Größen werden gelesen (bisher { $size })
plan-size-line = Zu sichern: { files }, { $size }
plan-size-skipped = { $skipped } übersprungen
plan-size-not-chosen = { $notchosen } nicht ausgewählt
page-line = Auf dieser Seite: { $batches ->
    [one] { $batches } Sicherung
   *[other] { $batches } Sicherungen
}, { files } – { $parts }
page-uploaded = { $uploaded } hochgeladen ({ $size })
page-already = { $already } bereits gesichert
page-skipped = { $skipped } übersprungen
page-failed = { $failed } fehlgeschlagen
phase-uploading = wird hochgeladen, { $percent } %
phase-retrying = neuer Versuch in { $seconds } s

## A file's outcome

outcome-uploaded = hochgeladen
outcome-uploaded-note = hochgeladen ({ $note })
outcome-already = schon gesichert
outcome-skipped = übersprungen: { $reason }
outcome-failed = fehlgeschlagen: { $reason }
skip-not-media = kein Foto oder Video
skip-empty-file = leere Datei
skip-system-file = Systemdatei
skip-over-size-limit = größer als erlaubt
skip-over-pixel-limit = mehr Pixel als erlaubt
skip-under-minimum-size = kleiner als die Mindestgröße
note-unreadable-sent-original = nicht lesbar, als Original gesendet
note-kept-original = Original behalten
note-downsized = auf 16 MP verkleinert

## Why something failed

fail-timeout = Zeitüberschreitung bei der Anfrage
fail-stalled = die Verbindung ist hängen geblieben
fail-aborted = die Anfrage wurde abgebrochen
fail-connection = Netzwerkfehler: keine Verbindung
fail-network = Netzwerkfehler: { $detail }
fail-server-answered = der Server antwortete mit { $status }
fail-server-said = der Server antwortete mit { $status }: { $reason }
fail-no-location = der Server nannte beim Anlegen keine Adresse (Location)
fail-no-offset = der Server nannte auf HEAD keinen Upload-Offset
fail-gone = Netzwerkfehler: die Datei ist nicht mehr da
fail-cancelled = abgebrochen
fail-unknown = unbekannt
fault-read-failed = die Datei konnte nicht gelesen werden: { $detail }
fault-malformed-job = fehlerhafter Auftrag
fault-crashed = der Worker ist abgestürzt: { $detail }
fault-not-started = die Worker konnten nicht starten
fault-not-started-detail = die Worker konnten nicht starten: { $detail }
fault-not-sent = postMessage ist fehlgeschlagen: { $detail }
fault-dropped = der Auftrag ging im Worker-Pool verloren
fault-unexpected-reply = der Worker gab eine unerwartete Antwort
fault-malformed-digest = der Worker lieferte eine fehlerhafte Prüfsumme
fault-no-blob = der Blob konnte nicht erstellt werden
fault-no-codecs = dieser Worker hat keine Foto-Codecs
fault-thumbnail = Vorschaubild fehlgeschlagen: { $detail }
fault-inflate-corrupt = ihre Daten im Archiv sind beschädigt und lassen sich nicht entpacken
fault-inflate-sizes = entpackt hat sie eine andere Größe, als das Archiv angibt (beschädigt oder eine ZIP-Bombe)
fault-inflate-crc = die entpackten Daten passen nicht zur Prüfsumme des Archivs: Das Archiv ist beschädigt
api-bad-request = die Anfrage war ungültig
api-unauthorized = dieses Gerät ist nicht angemeldet
api-forbidden = dieses Gerät darf das nicht
api-not-found = diesen Upload oder diese Mediendatei gibt es nicht
api-gone = der Upload ist abgelaufen
api-offset-conflict = der Server hat einen anderen Teil dieser Datei
api-locked = eine andere Anfrage schreibt gerade in diesen Upload
api-unsupported-version = der Server spricht eine andere Version des Upload-Protokolls
api-unsupported-media-type = der Server nahm die Datei in dieser Form nicht an
api-too-large = die Datei ist größer, als der Server annimmt
api-over-kiosk-limit = die Datei ist größer, als dieser Kiosk annimmt
api-digest-mismatch = die beim Server angekommenen Daten passen nicht zur Datei
api-checksum-mismatch = ein Teil der Datei kam beschädigt an
api-storage-full = der Speicher des Servers ist voll
api-quota-full = Ihr Speicher ist voll
api-kiosk-full = dieser Kiosk kann gerade nichts mehr annehmen
api-rate-limited = zu viele Versuche; warten Sie ein paar Minuten und versuchen Sie es dann erneut
api-read-only = der Server kann gerade keine Dateien speichern; nichts ging verloren, versuchen Sie es später erneut
api-stored-mismatch = der Server hat die Datei falsch gespeichert; sie wird noch einmal gesendet
api-album-exists = ein Album mit diesem Namen ist bereits vorhanden
api-album-live-visit = in diesem Album speichert ein noch laufender Kiosk-Besuch seine Fotos
api-internal = interner Serverfehler
api-unknown = der Server hat abgelehnt

## Devices and signing in

pair-title = „{ $name }“ bei Ihrem Konto anmelden?
pair-title-upload = { $hours ->
    [one] Darf „{ $name }“ { $hours } Stunde lang in Ihr Konto hochladen?
   *[other] Darf „{ $name }“ { $hours } Stunden lang in Ihr Konto hochladen?
}
pair-body = Das Gerät sieht Ihre Fotos und sichert sie.
pair-body-upload-only = Das Gerät kann Ihre Fotos nicht sehen.
storage-line = Speicher: { $used } belegt
storage-line-quota = Speicher: { $used } von { $quota } belegt
device-chromebook = Chromebook
device-windows = Windows-PC
device-mac = Mac
device-android = Android-Smartphone
device-iphone = iPhone oder iPad
device-linux = Linux-Computer
device-browser = Ein Browser

## Kiosk and Back up & sync

kiosk-done = { $count ->
    [one] Fertig – { $count } Foto gespeichert. Sie können Ihre Karte jetzt herausnehmen.
   *[other] Fertig – { $count } Fotos gespeichert. Sie können Ihre Karte jetzt herausnehmen.
}
kiosk-finishing = Wird in { $seconds } s beendet – tippen, um zu bleiben
kiosk-drop = Ihre Fotos liegen in „{ $drop }“. Ihr Code: { $code }
sync-never = noch nicht vollständig gesichert
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · zuletzt vollständig gesichert { $time }
last-backup = Letzte Sicherung: { $time }

## Library

library-items = { $count ->
    [one] { $count } Element
   *[other] { $count } Elemente
}
library-totals = { library-items } · { $size } · { $used } auf dem Server belegt
library-totals-quota = { library-items } · { $size } · { $used } von { $quota } belegt
library-selected = { $count } ausgewählt
library-confirm-trash-title = { library-items } in den Papierkorb verschieben?
library-confirm-trash-body = { $count ->
    [one] Es wird 30 Tage aufbewahrt und kann bis dahin wiederhergestellt werden.
   *[other] Sie werden 30 Tage aufbewahrt und können bis dahin wiederhergestellt werden.
} Auf diesem Gerät wird nichts gelöscht.
library-moved-to-trash = { library-items } in den Papierkorb verschoben.
library-restored = { library-items } wiederhergestellt.
library-album-line = { library-items } · { $size }
library-select-item = { $name } auswählen
library-open-item = { $name }, { $day }
library-position = { $n } von { $total }

## Fixed words

app-name = Shoebox
tagline = Sichern Sie Ihre Fotos und Videos. Ohne Installation.
page-title = Shoebox · Fotos und Videos sichern
drop-hint = Ordner oder Fotos irgendwo auf diese Seite ziehen
drop-active = Loslassen, um sie zur Sicherung hinzuzufügen
choose-folders = Ordner auswählen
choose-files = Dateien auswählen
add-more = Weitere Ordner hinzufügen
back-up = Sichern
pause = Pause
resume = Fortsetzen
continue = Weiter
continue-remembered = Beim Fortsetzen werden diese erneut gelesen:
retry-failed = Fehlgeschlagene wiederholen
cancel = Abbrechen
retry = Wiederholen
settings = Einstellungen
download-csv = Liste herunterladen (CSV)
empty-title = Noch nichts ausgewählt
empty-body = Wählen Sie die Ordner mit Ihren Fotos und Videos aus oder ziehen Sie sie hierher. Shoebox sieht sie zuerst durch und zeigt Ihnen, was gesichert wird, bevor irgendetwas gesendet wird.
plan-title = Was gesichert wird
files-title = Dateien
overall-progress = Gesamtfortschritt
skipped-title = Übersprungene Dateien und warum
leave-warning = Ihre Sicherung läuft noch. Wenn Sie die Seite verlassen, geht sie beim nächsten Mal dort weiter, wo sie aufgehört hat.
done-notification = Ihre Sicherung ist fertig
file-unreadable = Diese Datei ließ sich nicht öffnen. Vielleicht wurde sie verschoben oder gelöscht, oder sie wird noch heruntergeladen.
plan-hint = Prüfen Sie die Ordner unten und tippen Sie dann auf „Sichern“. Vorher wird nichts gesendet.
paused-hint = Es wird nichts gesendet. Tippen Sie auf „Fortsetzen“, um dort weiterzumachen, wo die Sicherung angehalten wurde.
offline-hint = Dieses Gerät ist offline. Die Sicherung geht von selbst weiter, sobald die Verbindung wieder da ist.
wifi-hint = Sie möchten nur über WLAN sichern, und diese Verbindung nutzt mobile Daten. Die Sicherung geht im WLAN weiter.
sign-in-hint = Der Server hat dieses Gerät nicht angenommen. Tippen Sie unten auf „Dieses Gerät anmelden“ und bestätigen Sie es auf einem angemeldeten Gerät, oder öffnen Sie den Link, den Sie bekommen haben, noch einmal.
set-quality = Upload-Größe
set-quality-original = Original
set-quality-high = Hohe Qualität (bis 16 MP)
set-limits = Beschränkungen
set-limits-server = Vom Server vorgegeben
set-limits-seed = Klassisch (75 MB, Fotos bis 100 MP)
set-limits-google = Google Fotos (200 MB, 200 MP, mindestens 256 px)
set-destination = Ziel (tus-Adresse; leer heißt dieser Server)
set-token = Zugangsschlüssel
set-wifi-only = Nur über WLAN sichern
set-parallel = Gleichzeitige Uploads
set-album = Alben
set-album-folder = Ein Album pro oberstem Ordner
set-album-folders = Ein Album pro Ordner, auch für Unterordner
set-album-none = Keine Alben
set-album-named = Alles in ein Album namens …
set-album-name = Albumname
set-language = Sprache
set-language-hint = Wird auf diesem Gerät gespeichert.
set-backup = Sicherung
set-storage = Speicher
set-advanced = Erweitert
set-advanced-hint = Wohin hochgeladen wird und wie viele Uploads gleichzeitig laufen. Ändern Sie diese Einstellungen nur, wenn Sie dazu aufgefordert wurden.
filter-group = Anzeigen
filter-all = Alle
filter-pending = In Arbeit
filter-uploaded = Hochgeladen
filter-already = Schon gesichert
filter-skipped = Übersprungen
filter-failed = Fehlgeschlagen
file-list = Dateiliste
folders = Ordner
loose-files = (einzelne Dateien)
set-strip-location = Standort aus Fotos entfernen
status-ready = Bereit
status-continue = Sicherung fortsetzen
status-sign-in = Anmeldung nötig
status-offline = Warten auf Verbindung
status-wifi = Warten auf WLAN
status-paused = Sicherung pausiert
status-charge = Warten aufs Aufladen
status-backup-off = Sicherung ist deaktiviert
status-storage-full = Ihr Speicher ist voll
devices-title = Geräte und Speicher
sign-in-this = Dieses Gerät anmelden
sign-in-how = Scannen Sie diesen Code auf einem Gerät, das schon bei Shoebox angemeldet ist, oder öffnen Sie dort „Geräte und Speicher“ und geben Sie ihn ein:
sign-in-failed = Shoebox konnte die Anmeldung nicht starten. Prüfen Sie die Verbindung und versuchen Sie es erneut.
sign-in-expired = Der Anmeldecode ist abgelaufen. Tippen Sie auf „Dieses Gerät anmelden“, um einen neuen zu bekommen.
sign-in-link-used = Dieser Anmeldelink wurde schon benutzt oder ist abgelaufen. Bitten Sie um einen neuen oder tippen Sie auf „Dieses Gerät anmelden“.
pair-enter = Neues Gerät anmelden: sein Code
pair-look-up = Weiter
pair-approve = Bestätigen
pair-cancel = Abbrechen
pair-approved = Bestätigt. Das andere Gerät ist jetzt angemeldet.
pair-unknown = Dieser Code ist unbekannt, wurde schon benutzt oder ist abgelaufen.
pair-too-many = Zu viele Codes ausprobiert. Warten Sie ein paar Minuten und versuchen Sie es dann erneut.
device-revoke = Abmelden
device-upload-only = nur hochladen
storage-full-hint = Auf dem Server ist kein Platz mehr für Ihre Fotos. Geben Sie Speicher frei oder bitten Sie um mehr; tippen Sie auf „Fortsetzen“, um es erneut zu versuchen (Shoebox versucht es auch alle paar Minuten von selbst).
charge-hint = Sie möchten nur beim Aufladen sichern. Die Sicherung geht von selbst weiter, sobald dieses Gerät am Ladegerät hängt.
backup-off-hint = Ihre Sicherungsordner werden nicht gesichert. Schalten Sie „Sichern & synchronisieren“ ein, damit neue Fotos und Videos gesichert werden, sobald sie dazukommen.
turn-on = Einschalten
updated-note = Shoebox wurde auf die neueste Version aktualisiert.
shared-album = Geteilt
kiosk-choose = Fotos auswählen oder hierher ziehen
kiosk-choose-files = Einzelne Fotos auswählen
kiosk-drop-hint = Stecken Sie Ihre Speicherkarte oder Ihren USB-Stick ein und wählen Sie den Ordner aus – oder ziehen Sie Fotos irgendwo auf diesen Bildschirm.
kiosk-starting = Wird vorbereitet …
kiosk-finish = Fertig
kiosk-phone = Vom Smartphone hochladen
kiosk-own = In Ihr eigenes Shoebox-Konto
kiosk-own-how = Scannen Sie diesen Code mit Ihrem Smartphone, auf dem Sie bei Shoebox angemeldet sind, und bestätigen Sie. Dieser Kiosk lädt dann eine Stunde lang in Ihr Konto hoch und kann Ihre Fotos nicht sehen.
kiosk-own-line = Ihre Fotos kommen in Ihr eigenes Shoebox-Konto.
kiosk-phone-hint = Scannen Sie diesen Code mit der Kamera Ihres Smartphones oder öffnen Sie den Link dort. Er gilt nur für diesen Besuch.
kiosk-arrived = In Ihrer Ablage
phone-link-ended = Dieser Link ist mit dem Besuch abgelaufen, zu dem er gehörte. Fragen Sie am Kiosk nach einem neuen.
kiosk-keep = Meine Uploads fertigstellen, auch wenn ich gehe
kiosk-unavailable = Dieser Kiosk erreicht seinen Server gerade nicht. Bitte fragen Sie an der Theke.
kiosk-wrong-key = Der Server nimmt den Schlüssel dieses Kiosks nicht an, deshalb kann niemand hochladen. Bitte fragen Sie an der Theke. (Für den Betreiber: Prüfen Sie den Schlüssel in der Adresse dieses Bildschirms.)
kiosk-nothing-kept = Auf diesem Bildschirm bleibt nichts: Wenn Sie fertig sind, vergisst er Ihre Fotos.
sync-title = Sichern & synchronisieren
sync-switch = Sichern & synchronisieren
sync-hint = Hält Ihre Sicherungsordner gesichert, solange Shoebox geöffnet ist, auch neue Fotos und Videos. Wenn Sie hier ein Foto löschen, bleibt seine Sicherung erhalten.
sync-add = Sicherungsordner hinzufügen
sync-remove = Entfernen
sync-allow = Zugriff auf Ihre Sicherungsordner erlauben
sync-allow-why = Nach einem Neustart fragt der Browser noch einmal, bevor Shoebox Ihre Sicherungsordner lesen darf.
sync-charging-only = Nur beim Aufladen sichern
sync-charging-unavailable = Nur beim Aufladen sichern (dieser Browser erkennt nicht, ob das Gerät lädt)
sync-no-picker = Dieser Browser kann sich keine Ordner merken. Nutzen Sie Chromium, Chrome oder Edge unter ChromeOS oder auf einem Computer.
status-complete = Sicherung abgeschlossen
phase-waiting = wartet
phase-inspecting = wird durchgesehen
phase-ready = bereit
phase-hashing = Prüfsumme wird berechnet
phase-checking = wird geprüft
phase-preparing = wird verkleinert
phase-paused = pausiert
phase-not-chosen = nicht ausgewählt
library-nav-backup = Sichern
library-nav-library = Mediathek
library-nav-label = Shoebox
library-timeline = Fotos
library-albums = Alben
library-trash = Papierkorb
library-views-label = Ansichten der Mediathek
library-search = Suchen
library-search-hint = Dateiname oder Album
library-from = Von
library-to = Bis
library-clear-filters = Filter zurücksetzen
library-filter-label = Anzeigen
library-kind-all = Alle
library-kind-photos = Fotos
library-kind-videos = Videos
library-kind-downsized = Verkleinert
library-kind-originals = Originale
library-loading = Mediathek wird geladen …
library-unavailable = Dieser Server hat keine Mediathek zum Anzeigen, oder dieses Gerät darf nur hochladen. Melden Sie sich mit einem vollständigen Konto an, um zu sehen, was gesichert ist.
library-failed = Die Mediathek konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.
library-retry = Erneut versuchen
library-empty = Noch nichts gesichert. Fotos und Videos, die Sie sichern, erscheinen hier.
library-no-match = Zu diesen Filtern passt nichts.
library-trash-empty = Der Papierkorb ist leer.
library-trash-note = Bis dahin gelten sie weiter als gesichert, sodass eine Synchronisierung oder derselbe Ordner sie nicht noch einmal hochlädt: Stellen Sie sie wieder her, um sie in Ihrer Mediathek zu sehen. Auf Ihren Geräten wird nie etwas gelöscht.
library-scrubber = Zu einem Monat springen
library-grid-label = Ihre Fotos und Videos
library-select = Auswählen
library-move-to-trash = In den Papierkorb
library-restore = Wiederherstellen
library-clear-selection = Auswahl aufheben
library-confirm = In den Papierkorb
library-cancel = Abbrechen
library-action-failed = Das hat nicht geklappt: Der Server hat nicht geantwortet. Es wurde nichts geändert.
library-no-album = In keinem Album
library-download = Herunterladen
library-add-to-album = Zu Album hinzufügen
library-new-album = Neues Album
library-add = Hinzufügen
library-your-albums = Ihre Alben
library-rename = Umbenennen
library-album-name = Albumname
library-save = Speichern
library-download-all = Alle herunterladen
library-all-albums = Alle Alben
library-selection-label = Auswahl
library-added-to-album = { library-items } zum Album hinzugefügt.
library-album-renamed = Album umbenannt.
library-album-exists = Sie haben bereits ein Album mit diesem Namen.
library-album-name-refused = Der Albumname darf nicht leer sein, keine Steuerzeichen enthalten und höchstens 1024 Byte lang sein.
library-album-missing = In Ihrer Mediathek gibt es kein Album namens „{ $name }“.
library-album-live-visit = Ein noch laufender Kiosk-Besuch speichert seine Fotos in diesem Album. Sie können es ändern, sobald der Besuch endet.
library-choose-album-title = { library-items } zu einem Album hinzufügen
library-album-facts-range = { library-items } · { $from } bis { $to }
library-album-facts-day = { library-items } · { $day }
library-no-albums = Noch keine Alben. Ordner, die Sie sichern, werden zu Alben.
library-close = Schließen
library-previous = Zurück
library-next = Weiter
library-zoom = Zoomen
library-fit = An Fenster anpassen
library-download-original = Original herunterladen
library-download-copy = Herunterladen
library-downsized-note = Das ist die verkleinerte Kopie (hohe Qualität). Das Original wurde nicht hochgeladen, daher ist dies die beste vorhandene Kopie.
library-details = Details
library-no-thumb = Keine Vorschau
library-d-name = Name
library-d-folder = Ordner
library-d-album = Album
library-d-taken = Aufgenommen
library-d-size = Größe
library-d-pixels = Pixel
library-d-camera = Kamera
library-d-place = Ort
library-d-quality = Qualität
library-q-downsized = Auf 16 MP verkleinert (hohe Qualität)
library-q-original = Original
library-video = Video
library-video-unplayable = Dieses Video lässt sich in diesem Browser nicht abspielen (sein Format braucht Hardware, die dieses Gerät nicht hat). Laden Sie das Original herunter, um es anzusehen.
library-motion = Live
library-play-motion = Bewegung abspielen
library-trashed = Im Papierkorb
library-download-motion = Bewegungsclip herunterladen
library-download-sidecar = { $filename } herunterladen

choose-photos = Fotos auswählen
take-photo = Foto aufnehmen
phone-choose = Fotos von diesem Smartphone senden
phone-hint = Wählen Sie die Fotos und Videos auf diesem Smartphone aus. Sie kommen zu diesem Besuch am Kiosk, zusammen mit allem anderen, was Sie mitbringen.
kiosk-photos = { $count ->
    [one] { $count } Foto
   *[other] { $count } Fotos
}
kiosk-images = { $count ->
    [one] { $count } Bild
   *[other] { $count } Bilder
}
kiosk-videos = { $count ->
    [one] { $count } Video
   *[other] { $count } Videos
}
kiosk-files = { $count ->
    [one] { $count } Datei
   *[other] { $count } Dateien
}
kiosk-done-kinds = Fertig – { $kinds } gespeichert.
kiosk-done-nothing = Fertig – nichts Neues gespeichert.
kiosk-done-card = { $done } Sie können Ihre Karte jetzt herausnehmen.
list-more = { $first }, { $next }
list-last = { $rest } und { $last }
kiosk-reset-in = Dieser Bildschirm beginnt in { $seconds } s von vorn
skipped-media = { $count ->
    [one] { $count } Foto oder Video übersprungen
   *[other] { $count } Fotos oder Videos übersprungen
}
skipped-ignored = { $count ->
    [one] { $count } andere Datei ignoriert
   *[other] { $count } andere Dateien ignoriert
}
skipped-see-why = { $what } – Gründe ansehen
library-trash-kept = Elemente im Papierkorb werden { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
} nach dem Verschieben endgültig vom Server gelöscht. { $rest }
library-trash-kept-unknown = Elemente im Papierkorb werden nach einiger Zeit endgültig vom Server gelöscht. { $rest }
library-days-left = { $days ->
    [one] Noch { $days } Tag
   *[other] Noch { $days } Tage
}
library-deleted-soon = Wird bald gelöscht
library-emptied = { $count ->
    [one] { $count } Element endgültig gelöscht.
   *[other] { $count } Elemente endgültig gelöscht.
}
library-restore-all = Alle wiederherstellen
library-empty-trash = Papierkorb leeren
library-empty-trash-yes = Endgültig löschen
library-empty-trash-title = Papierkorb leeren?
library-empty-trash-body = Alles im Papierkorb wird jetzt endgültig vom Server gelöscht. Das lässt sich nicht rückgängig machen. Auf Ihren Geräten wird nichts gelöscht.
library-undo = Rückgängig
library-visits-heading = Heutige Kiosk-Besuche
library-visit-code = Besuchscode { $code }
library-visit-span = { $start } bis { $end }
library-visit-live = Läuft noch
library-visit-empty = Noch nichts gespeichert

# Google Takeout import
takeout-summary = Google-Fotos-Export: { $photos ->
        [one] { $photos } Foto
       *[other] { $photos } Fotos
    }, { $videos ->
        [one] { $videos } Video
       *[other] { $videos } Videos
    }, { $albums ->
        [one] { $albums } Album
       *[other] { $albums } Alben
    }; { $dates ->
        [one] { $dates } Datumsangabe
       *[other] { $dates } Datumsangaben
    } und { $places ->
        [one] { $places } Ortsangabe
       *[other] { $places } Ortsangaben
    } von Google; { $without ->
        [one] { $without } Element
       *[other] { $without } Elemente
    } ohne Begleitdatei
takeout-reading = Beschreibungen des Exports werden gelesen: noch { $count }.
takeout-notes-title = Aus dem Export: nicht zugeordnet oder nicht verwendet
takeout-note-no-sidecar = Keine Begleitdatei: behält eigenes Datum und eigenen Ort
takeout-note-sidecar-unused = Begleitdatei ohne zugehöriges Foto oder Video
takeout-note-not-kept = Nicht für ein späteres Archiv aufbewahrt (dieser Browser bewahrt bereits 100.000 solche Dateien auf): zusammen mit dem Archiv auswählen, das das Gegenstück enthält
takeout-note-not-json = Begleitdatei ist kein lesbares JSON
takeout-note-bad-date = Das Datum aus der Begleitdatei konnte nicht verwendet werden
takeout-note-bad-place = Der Ort aus der Begleitdatei konnte nicht verwendet werden
takeout-note-bad-value = Ein Wert aus der Begleitdatei konnte nicht verwendet werden
takeout-note-description-cut = Beschreibung zu lang: gekürzt
takeout-note-albums-dropped = Einige Albumnamen passten nicht: weggelassen
takeout-note-place-stripped = Ort weggelassen (Einstellung „Standort aus Fotos entfernen“)
takeout-parts = { $count ->
    [one] Archivteil { $parts }.
   *[other] Archivteile { $parts }.
}
takeout-parts-missing = { $count ->
    [one] Teil { $parts } fehlt.
   *[other] Teile { $parts } fehlen.
}
takeout-note-tar = Ein .tgz- oder .tar-Export: zuerst entpacken, dann den Ordner wählen
takeout-note-not-zip = Kein .zip-Archiv
takeout-note-truncated = Das Archiv ist unvollständig (ein abgebrochener Download?)
takeout-note-corrupt = Das Archiv ist beschädigt und nicht lesbar
takeout-note-encrypted = Verschlüsselt: nicht importiert
takeout-note-outside = Der Pfad verweist aus dem Archiv hinaus: nicht importiert
takeout-note-method = Auf nicht lesbare Weise gepackt: nicht importiert
takeout-note-sizes = Die Größenangaben können nicht stimmen: nicht importiert

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }, über dem Limit von { $limit }
skip-over-server-limit = { $size }, über dem Limit des Servers
skip-over-pixel-limit-of = { $pixels }, über dem Limit von { $limit }
skip-under-minimum-size-of = { $side } an der kürzeren Seite, unter der Mindestgröße von { $minimum }
size-mp = { $value } MP
size-px = { $value } px
csv-path = Pfad
csv-reason = Grund
skipped-dismiss = Ausblenden

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = Sicherung ist aktiviert
sync-busy = Wird gesichert
sync-add-prompt = Fügen Sie einen Ordner zum Sichern hinzu: Solange Shoebox geöffnet ist, werden neue Fotos und Videos darin gesichert.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = Nichts Neues zu sichern
complete-open-library = In der Mediathek ansehen

# The file list: finished batches folded into one line
earlier-batches = Frühere Sicherungen auf dieser Seite: { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox – Fotos und Videos sichern
manifest-short-name = Shoebox
manifest-description = Sichern Sie die Fotos und Videos dieses Geräts – Ordner bleiben synchronisiert, ohne zusätzliche Installation.
manifest-shot-running = Eine laufende Sicherung
manifest-shot-plan = Der Plan, bevor etwas gesendet wird
library-remove-from-album = Aus dem Album entfernen
library-removed-from-album = { library-items } aus dem Album entfernt.
plan-album-named = Alles in „{ $name }“
plan-albums-none = Keine Alben: Alles kommt nur in die Mediathek.
plan-albums-count = { $count ->
    [one] Es wird { $count } Album erstellt:
   *[other] Es werden { $count } Alben erstellt:
}
plan-albums-more = { $count ->
    [one] +{ $count } weiteres
   *[other] +{ $count } weitere
}
