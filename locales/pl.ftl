# Shoebox, polski. Te same klucze i zmienne co w en.ftl. Liczby: one / few / many / other.

## Counts and sizes

files = { $count ->
    [one] { $count } plik
    [few] { $count } pliki
    [many] { $count } plików
   *[other] { $count } pliku
}
list-separator = {", "}
size-bytes = { $count ->
    [one] { $count } bajt
    [few] { $count } bajty
    [many] { $count } bajtów
   *[other] { $count } bajta
}
size-kb = { $value } kB
size-mb = { $value } MB
size-gb = { $value } GB
size-tb = { $value } TB
speed = { $size }/s
eta-under-minute = mniej niż minuta
eta-minutes = około { $minutes } min
eta-hours = około { $hours } godz. { $minutes } min

## The plan and the backup

plan-checking = Sprawdzanie zawartości plików: { $checked } z { $total }. Liczby powyżej mogą się jeszcze trochę zmienić.
plan-checked = { $total ->
    [one] Plik został sprawdzony.
   *[other] Wszystkie pliki ({ $total }) zostały sprawdzone.
}
continue-hint = Wybierz lub upuść te same foldery lub archiwa jeszcze raz, aby kontynuować od miejsca przerwania. Pliki już wysłane nie będą wysyłane ponownie.
continue-archives = Archiwa do ponownego wybrania: { $names }
continue-detail = { $count ->
    [one] { $count } plik nie został ostatnio dokończony.
    [few] { $count } pliki nie zostały ostatnio dokończone.
    [many] { $count } plików nie zostało ostatnio dokończonych.
   *[other] { $count } pliku nie zostało ostatnio dokończone.
} { continue-hint }
more-folders = { $count ->
    [one] i jeszcze { $count } folder
    [few] i jeszcze { $count } foldery
    [many] i jeszcze { $count } folderów
   *[other] i jeszcze { $count } folderu
}
more-in-csv = i jeszcze { $count } w pliku CSV
bytes-of = { $done } z { $total }
files-of = { $total ->
    [one] { $done } z { $total } pliku
    [few] { $done } z { $total } plików
    [many] { $done } z { $total } plików
   *[other] { $done } z { $total } pliku
}
status-looking = Przeglądanie folderów (znaleziono: { $found })
status-ready-to-back-up = { $count ->
    [one] Gotowe do kopii zapasowej: { $count } zdjęcie lub film
    [few] Gotowe do kopii zapasowej: { $count } zdjęcia i filmy
    [many] Gotowe do kopii zapasowej: { $count } zdjęć i filmów
   *[other] Gotowe do kopii zapasowej: { $count } zdjęcia i filmu
}
status-backing-up = Tworzenie kopii zapasowej: { $done } z { $total }
backing-up-left = zostało { $size }
backing-up-left-eta = zostało { $size }, { $eta }
complete-uploaded = przesłane: { $count }
complete-already = już w kopii zapasowej: { $count }
complete-skipped = pominięte: { $count }
complete-failed = nieudane: { $count }
skipped-line = { $count ->
    [one] Pominięto { $count } zdjęcie lub film — zobacz dlaczego
    [few] Pominięto { $count } zdjęcia lub filmy — zobacz dlaczego
    [many] Pominięto { $count } zdjęć lub filmów — zobacz dlaczego
   *[other] Pominięto { $count } zdjęcia lub filmu — zobacz dlaczego
}
plan-totals = Zdjęcia: { $photos }, filmy: { $videos }, do zmniejszenia: { $downsize }, pominięte: { $skipped }
folder-meta = { files } · { $size }
folder-meta-reading = { files } · odczyt rozmiarów (na razie { $size })
plan-size-line = Do kopii zapasowej: { files }, { $size }
plan-size-skipped = pominięte: { $skipped }
plan-size-not-chosen = niewybrane: { $notchosen }
page-line = Na tej stronie: { $batches ->
    [one] { $batches } kopia
    [few] { $batches } kopie
    [many] { $batches } kopii
   *[other] { $batches } kopii
}, { files } — { $parts }
page-uploaded = przesłane: { $uploaded } ({ $size })
page-already = już w kopii zapasowej: { $already }
page-skipped = pominięte: { $skipped }
page-failed = nieudane: { $failed }
phase-uploading = przesyłanie { $percent }%
phase-retrying = ponowna próba za { $seconds } s

## A file's outcome

outcome-uploaded = przesłano
outcome-uploaded-note = przesłano ({ $note })
outcome-already = już w kopii zapasowej
outcome-skipped = pominięto: { $reason }
outcome-failed = błąd: { $reason }
skip-not-media = to nie jest zdjęcie ani film
skip-empty-file = pusty plik
skip-system-file = plik systemowy
skip-over-size-limit = przekracza limit rozmiaru
skip-over-pixel-limit = przekracza limit pikseli
skip-under-minimum-size = poniżej minimalnego rozmiaru
note-unreadable-sent-original = nie dało się odczytać, wysłano oryginał
note-kept-original = zachowano oryginał
note-downsized = zmniejszono do 16 Mpx

## Why something failed

fail-timeout = upłynął limit czasu żądania
fail-stalled = połączenie utknęło
fail-aborted = żądanie zostało przerwane
fail-connection = błąd sieci: nie udało się połączyć
fail-network = błąd sieci: { $detail }
fail-server-answered = serwer odpowiedział { $status }
fail-server-said = serwer odpowiedział { $status }: { $reason }
fail-no-location = serwer odpowiedział na utworzenie bez nagłówka Location
fail-no-offset = serwer odpowiedział na HEAD bez Upload-Offset
fail-gone = błąd sieci: plik nie jest już dostępny
fail-cancelled = anulowano
fail-unknown = nieznany błąd
fault-read-failed = nie udało się odczytać pliku: { $detail }
fault-malformed-job = błędne zadanie
fault-crashed = worker uległ awarii: { $detail }
fault-not-started = nie udało się uruchomić workerów
fault-not-started-detail = nie udało się uruchomić workerów: { $detail }
fault-not-sent = błąd postMessage: { $detail }
fault-dropped = pula workerów zgubiła zadanie
fault-unexpected-reply = worker zwrócił nieoczekiwaną odpowiedź
fault-malformed-digest = worker zwrócił błędny skrót
fault-no-blob = nie udało się utworzyć obiektu blob
fault-no-codecs = ten worker nie ma kodeków zdjęć
fault-thumbnail = błąd miniatury: { $detail }
fault-inflate-corrupt = jego dane w archiwum są uszkodzone i nie da się ich rozpakować
fault-inflate-sizes = po rozpakowaniu ma inny rozmiar, niż podaje archiwum (plik uszkodzony albo bomba zip)
fault-inflate-crc = rozpakowane dane nie zgadzają się z sumą kontrolną archiwum: archiwum jest uszkodzone
api-bad-request = żądanie było nieprawidłowe
api-unauthorized = to urządzenie nie jest zalogowane
api-forbidden = to urządzenie nie ma do tego uprawnień
api-not-found = nie ma takiego przesyłania ani pliku
api-gone = przesyłanie wygasło
api-offset-conflict = serwer ma inną część tego pliku
api-locked = inne żądanie zapisuje właśnie do tego przesyłania
api-unsupported-version = serwer używa innej wersji protokołu przesyłania
api-unsupported-media-type = serwer nie przyjął sposobu, w jaki wysłano plik
api-too-large = plik jest większy, niż przyjmuje serwer
api-over-kiosk-limit = plik jest większy, niż przyjmuje ten kiosk
api-digest-mismatch = dane odebrane przez serwer nie zgadzają się z plikiem
api-checksum-mismatch = część pliku dotarła uszkodzona
api-storage-full = brak miejsca na serwerze
api-quota-full = brak miejsca na twoim koncie
api-kiosk-full = ten kiosk nie może teraz przyjąć nic więcej
api-rate-limited = za dużo prób; odczekaj kilka minut i spróbuj ponownie
api-read-only = serwer nie może teraz zapisywać plików; nic nie zginęło, spróbuj później
api-stored-mismatch = serwer źle zapisał plik; zostanie wysłany ponownie
api-album-exists = album o tej nazwie już istnieje
api-album-live-visit = do tego albumu trafiają zdjęcia z wizyty w kiosku, która wciąż trwa
api-internal = wewnętrzny błąd serwera
api-unknown = serwer odmówił

## Devices and signing in

pair-title = Zalogować „{ $name }” na twoje konto?
pair-title-upload = { $hours ->
    [one] Pozwolić „{ $name }” przesyłać na twoje konto przez { $hours } godzinę?
    [few] Pozwolić „{ $name }” przesyłać na twoje konto przez { $hours } godziny?
    [many] Pozwolić „{ $name }” przesyłać na twoje konto przez { $hours } godzin?
   *[other] Pozwolić „{ $name }” przesyłać na twoje konto przez { $hours } godziny?
}
pair-body = To urządzenie będzie widzieć twoje zdjęcia i tworzyć ich kopię zapasową.
pair-body-upload-only = To urządzenie nie będzie widzieć twoich zdjęć.
storage-line = Miejsce na dane: zajęte { $used }
storage-line-quota = Miejsce na dane: zajęte { $used } z { $quota }
device-chromebook = Chromebook
device-windows = Komputer z Windows
device-mac = Mac
device-android = Telefon z Androidem
device-iphone = iPhone lub iPad
device-linux = Komputer z Linuksem
device-browser = Przeglądarka

## Kiosk and Back up & sync

kiosk-done = { $count ->
    [one] Gotowe — zapisano { $count } zdjęcie. Możesz wyjąć kartę.
    [few] Gotowe — zapisano { $count } zdjęcia. Możesz wyjąć kartę.
    [many] Gotowe — zapisano { $count } zdjęć. Możesz wyjąć kartę.
   *[other] Gotowe — zapisano { $count } zdjęcia. Możesz wyjąć kartę.
}
kiosk-finishing = Koniec za { $seconds } s — dotknij, aby zostać
kiosk-drop = Twoje zdjęcia są w „{ $drop }”. Twój kod: { $code }
sync-never = kopia zapasowa jeszcze niepełna
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · ostatnia pełna kopia { $time }
last-backup = Ostatnia kopia zapasowa: { $time }

## Library

library-items = { $count ->
    [one] { $count } element
    [few] { $count } elementy
    [many] { $count } elementów
   *[other] { $count } elementu
}
library-totals = { library-items } · { $size } · zajęte na serwerze: { $used }
library-totals-quota = { library-items } · { $size } · zajęte { $used } z { $quota }
library-selected = Zaznaczone: { $count }
library-confirm-trash-title = Przenieść do kosza: { library-items }?
library-confirm-trash-body = { $count ->
    [one] Będzie przechowywany przez 30 dni i do tego czasu można go przywrócić.
   *[other] Będą przechowywane przez 30 dni i do tego czasu można je przywrócić.
} Na tym urządzeniu nic nie zostanie usunięte.
library-moved-to-trash = Przeniesiono do kosza: { library-items }.
library-restored = Przywrócono: { library-items }.
library-album-line = { library-items } · { $size }
library-select-item = Zaznacz { $name }
library-open-item = { $name }, { $day }
library-position = { $n } z { $total }

## Fixed words

app-name = Shoebox
tagline = Zrób kopię zapasową zdjęć i filmów. Bez instalowania.
page-title = Shoebox · Kopia zapasowa zdjęć i filmów
drop-hint = Upuść foldery lub zdjęcia w dowolnym miejscu tej strony
drop-active = Upuść, aby dodać je do kopii
choose-folders = Wybierz foldery
choose-files = Wybierz pliki
add-more = Dodaj kolejne foldery
back-up = Utwórz kopię zapasową
pause = Wstrzymaj
resume = Wznów
continue = Kontynuuj
continue-remembered = Aby kontynuować, zostaną ponownie odczytane:
retry-failed = Ponów nieudane
cancel = Anuluj
retry = Ponów
settings = Ustawienia
download-csv = Pobierz listę (CSV)
empty-title = Jeszcze nic nie wybrano
empty-body = Wybierz foldery ze zdjęciami i filmami albo upuść je tutaj. Shoebox najpierw je przejrzy i pokaże, co trafi do kopii, zanim cokolwiek wyśle.
plan-title = Co trafi do kopii zapasowej
files-title = Pliki
overall-progress = Postęp ogółem
skipped-title = Pominięte pliki i powody
leave-warning = Tworzenie kopii zapasowej wciąż trwa. Jeśli wyjdziesz, następnym razem będzie kontynuowane od miejsca przerwania.
done-notification = Kopia zapasowa jest gotowa
file-unreadable = Nie udało się otworzyć tego pliku. Mógł zostać przeniesiony lub usunięty albo wciąż się pobiera.
plan-hint = Sprawdź foldery poniżej, a potem naciśnij „Utwórz kopię zapasową”. Wcześniej nic nie zostanie wysłane.
paused-hint = Nic nie jest wysyłane. Naciśnij „Wznów”, aby kontynuować od miejsca przerwania.
offline-hint = To urządzenie jest offline. Kopia będzie kontynuowana sama, gdy wróci połączenie.
wifi-hint = Wybrano tworzenie kopii tylko przez Wi-Fi, a to połączenie korzysta z danych komórkowych. Kopia będzie kontynuowana przez Wi-Fi.
sign-in-hint = Serwer nie przyjął tego urządzenia. Naciśnij poniżej „Zaloguj to urządzenie” i zatwierdź je na zalogowanym urządzeniu albo ponownie otwórz otrzymany link.
set-quality = Rozmiar przesyłania
set-quality-original = Oryginał
set-quality-high = Wysoka jakość (do 16 Mpx)
set-limits = Limity
set-limits-server = Limity serwera
set-limits-seed = Klasyczne (75 MB, zdjęcia do 100 Mpx)
set-limits-google = Zdjęcia Google (200 MB, 200 Mpx, co najmniej 256 px)
set-destination = Miejsce docelowe (adres tus; puste oznacza ten serwer)
set-token = Klucz dostępu
set-wifi-only = Kopia zapasowa tylko przez Wi-Fi
set-parallel = Jednoczesne przesyłania
set-album = Albumy
set-album-folder = Jeden album na folder główny
set-album-folders = Jeden album na folder, także na podfoldery
set-album-none = Bez albumów
set-album-named = Wszystko do jednego albumu o nazwie…
set-album-name = Nazwa albumu
set-language = Język
set-language-hint = Zapamiętywany na tym urządzeniu.
set-backup = Kopia zapasowa
set-storage = Miejsce na dane
set-advanced = Zaawansowane
set-advanced-hint = Dokąd trafiają przesyłane pliki i ile jest przesyłanych jednocześnie. Zmieniaj te ustawienia tylko wtedy, gdy ktoś cię o to poprosi.
filter-group = Pokaż
filter-all = Wszystkie
filter-pending = W toku
filter-uploaded = Przesłane
filter-already = Już w kopii zapasowej
filter-skipped = Pominięte
filter-failed = Nieudane
file-list = Lista plików
folders = Foldery
loose-files = (pojedyncze pliki)
set-strip-location = Usuń lokalizację ze zdjęć
status-ready = Gotowe
status-continue = Kontynuuj tworzenie kopii zapasowej
status-sign-in = Wymagane logowanie
status-offline = Oczekiwanie na połączenie
status-wifi = Oczekiwanie na Wi-Fi
status-paused = Kopia zapasowa wstrzymana
status-charge = Oczekiwanie na ładowanie
status-backup-off = Kopia zapasowa jest wyłączona
status-storage-full = Brak miejsca na twoim koncie
devices-title = Urządzenia i miejsce na dane
sign-in-this = Zaloguj to urządzenie
sign-in-how = Na urządzeniu już zalogowanym w Shoebox zeskanuj ten kod albo otwórz tam „Urządzenia i miejsce na dane” i wpisz go:
sign-in-failed = Shoebox nie mógł rozpocząć logowania. Sprawdź połączenie i spróbuj ponownie.
sign-in-expired = Kod logowania wygasł. Naciśnij „Zaloguj to urządzenie”, aby dostać nowy.
sign-in-link-used = Ten link logowania został już użyty lub wygasł. Poproś o nowy albo naciśnij „Zaloguj to urządzenie”.
pair-enter = Zaloguj nowe urządzenie: jego kod
pair-look-up = Dalej
pair-approve = Zatwierdź
pair-cancel = Anuluj
pair-approved = Zatwierdzono. Drugie urządzenie jest zalogowane.
pair-unknown = Ten kod jest nieznany, został już użyty lub wygasł.
pair-too-many = Wypróbowano za dużo kodów. Odczekaj kilka minut i spróbuj ponownie.
device-revoke = Wyloguj
device-upload-only = tylko przesyłanie
storage-full-hint = Na serwerze nie ma już miejsca na twoje zdjęcia. Zwolnij miejsce lub poproś o większy limit; naciśnij „Wznów”, aby spróbować ponownie (Shoebox też próbuje sam co kilka minut).
charge-hint = Wybrano tworzenie kopii tylko podczas ładowania. Kopia będzie kontynuowana sama, gdy urządzenie zostanie podłączone do prądu.
backup-off-hint = Kopia zapasowa twoich folderów nie jest teraz tworzona. Włącz „Kopię zapasową i synchronizację”, aby nowe zdjęcia i filmy od razu trafiały do kopii.
turn-on = Włącz
updated-note = Shoebox został zaktualizowany do najnowszej wersji.
shared-album = Udostępnione
kiosk-choose = Wybierz lub upuść swoje zdjęcia
kiosk-choose-files = Wybierz pojedyncze zdjęcia
kiosk-drop-hint = Włóż kartę pamięci lub pendrive i wybierz jego folder — albo upuść zdjęcia w dowolnym miejscu ekranu.
kiosk-starting = Przygotowywanie…
kiosk-finish = Zakończ
kiosk-phone = Prześlij z telefonu
kiosk-own = Na własne konto Shoebox
kiosk-own-how = Na telefonie zalogowanym w Shoebox zeskanuj ten kod i zatwierdź. Ten kiosk będzie wtedy przez godzinę przesyłać na twoje konto i nie zobaczy twoich zdjęć.
kiosk-own-line = Twoje zdjęcia trafiają na twoje własne konto Shoebox.
kiosk-phone-hint = Zeskanuj ten kod aparatem telefonu albo otwórz na nim link. Działa tylko podczas tej wizyty.
kiosk-arrived = Już odebrane
phone-link-ended = Ten link wygasł razem z wizytą, do której należał. Poproś w kiosku o nowy.
kiosk-keep = Dokończ moje przesyłanie, nawet jeśli odejdę
kiosk-unavailable = Ten kiosk nie może teraz połączyć się ze swoim serwerem. Poproś o pomoc przy ladzie.
kiosk-wrong-key = Serwer nie przyjmuje klucza tego kiosku, więc nikt nie może przesyłać zdjęć. Poproś o pomoc przy ladzie. (Dla obsługi: sprawdź klucz w adresie tego ekranu.)
kiosk-nothing-kept = Ten ekran niczego nie zachowuje: gdy skończysz, zapomni twoje zdjęcia.
sync-title = Kopia zapasowa i synchronizacja
sync-switch = Kopia zapasowa i synchronizacja
sync-hint = Dba o kopię folderów, dopóki Shoebox jest otwarty, łącznie z nowymi zdjęciami i filmami. Usunięcie zdjęcia tutaj nigdy nie usuwa jego kopii.
sync-add = Dodaj folder do kopii zapasowej
sync-remove = Usuń
sync-allow = Zezwól na dostęp do folderów kopii
sync-allow-why = Po ponownym uruchomieniu przeglądarka jeszcze raz zapyta, zanim Shoebox będzie mógł czytać foldery kopii.
sync-charging-only = Kopia zapasowa tylko podczas ładowania
sync-charging-unavailable = Kopia zapasowa tylko podczas ładowania (ta przeglądarka nie wie, czy urządzenie się ładuje)
sync-no-picker = Ta przeglądarka nie potrafi zapamiętać folderów. Użyj Chromium, Chrome lub Edge w ChromeOS albo na komputerze.
status-complete = Kopia zapasowa ukończona
phase-waiting = oczekiwanie
phase-inspecting = przeglądanie
phase-ready = gotowe
phase-hashing = liczenie skrótu
phase-checking = sprawdzanie
phase-preparing = zmniejszanie
phase-paused = wstrzymane
phase-not-chosen = niewybrane
library-nav-backup = Kopia zapasowa
library-nav-library = Biblioteka
library-nav-label = Shoebox
library-timeline = Zdjęcia
library-albums = Albumy
library-trash = Kosz
library-views-label = Widoki biblioteki
library-search = Szukaj
library-search-hint = Nazwa pliku lub album
library-from = Od
library-to = Do
library-clear-filters = Wyczyść filtry
library-filter-label = Pokaż
library-kind-all = Wszystkie
library-kind-photos = Zdjęcia
library-kind-videos = Filmy
library-kind-downsized = Zmniejszone
library-kind-originals = Oryginały
library-loading = Wczytywanie biblioteki…
library-unavailable = Ten serwer nie ma biblioteki do pokazania albo to urządzenie może tylko przesyłać. Zaloguj się pełnym kontem, aby zobaczyć, co jest w kopii.
library-failed = Nie udało się wczytać biblioteki. Sprawdź połączenie i spróbuj ponownie.
library-retry = Spróbuj ponownie
library-empty = W kopii zapasowej nie ma jeszcze nic. Tutaj pojawią się zdjęcia i filmy, których kopię utworzysz.
library-no-match = Nic nie pasuje do tych filtrów.
library-trash-empty = Kosz jest pusty.
library-trash-note = Do tego czasu nadal są traktowane jak zapisane w kopii, więc synchronizacja ani ten sam folder upuszczony ponownie nie prześle ich drugi raz: przywróć je, aby zobaczyć je w bibliotece. Na twoich urządzeniach nic nigdy nie jest usuwane.
library-scrubber = Przejdź do miesiąca
library-grid-label = Twoje zdjęcia i filmy
library-select = Zaznacz
library-move-to-trash = Przenieś do kosza
library-restore = Przywróć
library-clear-selection = Wyczyść zaznaczenie
library-confirm = Przenieś do kosza
library-cancel = Anuluj
library-action-failed = Nie udało się: serwer nie odpowiedział. Nic nie zostało zmienione.
library-no-album = Bez albumu
library-download = Pobierz
library-add-to-album = Dodaj do albumu
library-new-album = Nowy album
library-add = Dodaj
library-your-albums = Twoje albumy
library-rename = Zmień nazwę
library-album-name = Nazwa albumu
library-save = Zapisz
library-download-all = Pobierz wszystko
library-all-albums = Wszystkie albumy
library-selection-label = Zaznaczenie
library-added-to-album = Dodano do albumu: { library-items }.
library-album-renamed = Zmieniono nazwę albumu.
library-album-exists = Masz już album o tej nazwie.
library-album-name-refused = Album musi mieć nazwę bez znaków sterujących, o długości najwyżej 1024 bajtów.
library-album-missing = W twojej bibliotece nie ma albumu o nazwie „{ $name }”.
library-album-live-visit = Trwająca wizyta w kiosku zapisuje zdjęcia w tym albumie. Możesz go zmienić, gdy wizyta się zakończy.
library-choose-album-title = Dodaj do albumu: { library-items }
library-album-facts-range = { library-items } · od { $from } do { $to }
library-album-facts-day = { library-items } · { $day }
library-no-albums = Nie ma jeszcze albumów. Foldery, z których tworzysz kopię zapasową, stają się albumami.
library-close = Zamknij
library-previous = Poprzednie
library-next = Następne
library-zoom = Powiększ
library-fit = Dopasuj do okna
library-download-original = Pobierz oryginał
library-download-copy = Pobierz
library-downsized-note = To jest zmniejszona kopia (wysoka jakość). Oryginał nie został przesłany, więc to najlepsza dostępna kopia.
library-details = Szczegóły
library-no-thumb = Brak podglądu
library-d-name = Nazwa
library-d-folder = Folder
library-d-album = Album
library-d-taken = Data wykonania
library-d-size = Rozmiar
library-d-pixels = Piksele
library-d-camera = Aparat
library-d-place = Miejsce
library-d-quality = Jakość
library-q-downsized = Zmniejszone do 16 Mpx (wysoka jakość)
library-q-original = Oryginał
library-video = Film
library-video-unplayable = Tego filmu nie da się odtworzyć w tej przeglądarce (jego format wymaga sprzętu, którego to urządzenie nie ma). Pobierz oryginał, aby go obejrzeć.
library-motion = Live
library-play-motion = Odtwórz ruch
library-trashed = W koszu
library-download-motion = Pobierz klip ruchomy
library-download-sidecar = Pobierz { $filename }

choose-photos = Wybierz zdjęcia
take-photo = Zrób zdjęcie
phone-choose = Wyślij zdjęcia z tego telefonu
phone-hint = Wybierz zdjęcia i filmy z tego telefonu do wysłania. Trafią do tej wizyty w kiosku, razem ze wszystkim, co przyniesiesz.
kiosk-photos = { $count ->
    [one] { $count } zdjęcie
    [few] { $count } zdjęcia
    [many] { $count } zdjęć
   *[other] { $count } zdjęcia
}
kiosk-images = { $count ->
    [one] { $count } obraz
    [few] { $count } obrazy
    [many] { $count } obrazów
   *[other] { $count } obrazu
}
kiosk-videos = { $count ->
    [one] { $count } film
    [few] { $count } filmy
    [many] { $count } filmów
   *[other] { $count } filmu
}
kiosk-files = { $count ->
    [one] { $count } plik
    [few] { $count } pliki
    [many] { $count } plików
   *[other] { $count } pliku
}
kiosk-done-kinds = Gotowe — zapisano: { $kinds }.
kiosk-done-nothing = Gotowe — nie zapisano nic nowego.
kiosk-done-card = { $done } Możesz wyjąć kartę.
list-more = { $first }, { $next }
list-last = { $rest } i { $last }
kiosk-reset-in = Ten ekran zacznie od nowa za { $seconds } s
skipped-media = { $count ->
    [one] Pominięto { $count } zdjęcie lub film
    [few] Pominięto { $count } zdjęcia lub filmy
    [many] Pominięto { $count } zdjęć lub filmów
   *[other] Pominięto { $count } zdjęcia lub filmu
}
skipped-ignored = { $count ->
    [one] zignorowano { $count } inny plik
    [few] zignorowano { $count } inne pliki
    [many] zignorowano { $count } innych plików
   *[other] zignorowano { $count } innego pliku
}
skipped-see-why = { $what } — zobacz dlaczego
library-trash-kept = Elementy w koszu są trwale usuwane z serwera { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dnia
} po przeniesieniu do kosza. { $rest }
library-trash-kept-unknown = Elementy w koszu są po pewnym czasie trwale usuwane z serwera. { $rest }
library-days-left = { $days ->
    [one] Został { $days } dzień
    [few] Zostały { $days } dni
    [many] Zostało { $days } dni
   *[other] Zostało { $days } dnia
}
library-deleted-soon = Wkrótce zostanie usunięty
library-emptied = { $count ->
    [one] Trwale usunięto { $count } element.
    [few] Trwale usunięto { $count } elementy.
    [many] Trwale usunięto { $count } elementów.
   *[other] Trwale usunięto { $count } elementu.
}
library-restore-all = Przywróć wszystko
library-empty-trash = Opróżnij kosz
library-empty-trash-yes = Usuń na zawsze
library-empty-trash-title = Opróżnić kosz?
library-empty-trash-body = Wszystko w koszu zostanie teraz trwale usunięte z serwera. Tego nie można cofnąć. Na twoich urządzeniach nic nie zostanie usunięte.
library-undo = Cofnij
library-visits-heading = Dzisiejsze wizyty w kiosku
library-visit-code = Kod { $code }
library-visit-span = od { $start } do { $end }
library-visit-live = W toku
library-visit-empty = Jeszcze nic nie zapisano

# Google Takeout import
takeout-summary = Eksport Zdjęć Google: { $photos ->
        [one] { $photos } zdjęcie
        [few] { $photos } zdjęcia
        [many] { $photos } zdjęć
       *[other] { $photos } zdjęcia
    }, { $videos ->
        [one] { $videos } film
        [few] { $videos } filmy
        [many] { $videos } filmów
       *[other] { $videos } filmu
    }, { $albums ->
        [one] { $albums } album
        [few] { $albums } albumy
        [many] { $albums } albumów
       *[other] { $albums } albumu
    }; { $dates ->
        [one] { $dates } data
        [few] { $dates } daty
        [many] { $dates } dat
       *[other] { $dates } daty
    } i { $places ->
        [one] { $places } miejsce
        [few] { $places } miejsca
        [many] { $places } miejsc
       *[other] { $places } miejsca
    } od Google; { $without ->
        [one] { $without } element
        [few] { $without } elementy
        [many] { $without } elementów
       *[other] { $without } elementu
    } bez pliku towarzyszącego
takeout-reading = Odczyt opisów z eksportu: zostało { $count }.
takeout-notes-title = Z eksportu: niedopasowane lub nieużyte
takeout-note-no-sidecar = Brak pliku towarzyszącego: zachowuje własną datę i miejsce
takeout-note-sidecar-unused = Plik towarzyszący bez odpowiadającego mu zdjęcia lub filmu
takeout-note-not-kept = Nie zachowano dla późniejszego archiwum (ta przeglądarka przechowuje już 100 000 takich plików): wybierz go razem z archiwum, które zawiera jego odpowiednik
takeout-note-not-json = Plik towarzyszący nie jest czytelnym JSON-em
takeout-note-bad-date = Nie udało się użyć daty z pliku towarzyszącego
takeout-note-bad-place = Nie udało się użyć miejsca z pliku towarzyszącego
takeout-note-bad-value = Nie udało się użyć jednej z wartości pliku towarzyszącego
takeout-note-description-cut = Opis za długi: skrócony
takeout-note-albums-dropped = Niektóre nazwy albumów były za długie: pominięte
takeout-note-place-stripped = Miejsce pominięte („Usuń lokalizację ze zdjęć”)
takeout-parts = { $count ->
    [one] Część archiwum: { $parts }.
   *[other] Części archiwum: { $parts }.
}
takeout-parts-missing = { $count ->
    [one] Brakująca część: { $parts }.
   *[other] Brakujące części: { $parts }.
}
takeout-note-tar = Eksport .tgz lub .tar: najpierw go rozpakuj, potem wybierz folder
takeout-note-not-zip = To nie jest archiwum .zip
takeout-note-truncated = Archiwum jest niepełne (nieukończone pobieranie?)
takeout-note-corrupt = Archiwum jest uszkodzone i nie da się go odczytać
takeout-note-encrypted = Zaszyfrowane: nie zaimportowano
takeout-note-outside = Ścieżka wskazuje poza archiwum: nie zaimportowano
takeout-note-method = Spakowane metodą, której nie da się odczytać: nie zaimportowano
takeout-note-sizes = Podane rozmiary są niemożliwe: nie zaimportowano

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }, ponad limit { $limit }
skip-over-server-limit = { $size }, ponad limit serwera
skip-over-pixel-limit-of = { $pixels }, ponad limit { $limit }
skip-under-minimum-size-of = { $side } na krótszym boku, poniżej minimum { $minimum }
size-mp = { $value } Mpx
size-px = { $value } px
csv-path = ścieżka
csv-reason = powód
skipped-dismiss = Ukryj

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = Kopia zapasowa jest włączona
sync-busy = Tworzenie kopii zapasowej
sync-add-prompt = Dodaj folder do kopii zapasowej: dopóki Shoebox jest otwarty, tworzy kopię zapasową nowych zdjęć i filmów z tego folderu.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = Brak nowych elementów do kopii zapasowej
complete-open-library = Zobacz je w bibliotece

# The file list: finished batches folded into one line
earlier-batches = Wcześniejsze kopie zapasowe na tej stronie: { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox — kopia zapasowa zdjęć i filmów
manifest-short-name = Shoebox
manifest-description = Twórz kopię zapasową zdjęć i filmów z tego urządzenia, z folderami stale synchronizowanymi i bez instalowania czegokolwiek.
manifest-shot-running = Trwająca kopia zapasowa
manifest-shot-plan = Plan, zanim cokolwiek zostanie wysłane
library-remove-from-album = Usuń z albumu
library-removed-from-album = Usunięto z albumu: { library-items }.
plan-album-named = Wszystko do „{ $name }”
plan-albums-none = Bez albumów: wszystko trafi tylko do biblioteki.
plan-albums-count = { $count ->
    [one] Powstanie { $count } album:
    [few] Powstaną { $count } albumy:
    [many] Powstanie { $count } albumów:
   *[other] Powstanie { $count } albumu:
}
plan-albums-more = { $count ->
    [one] +{ $count } kolejny
    [few] +{ $count } kolejne
    [many] +{ $count } kolejnych
   *[other] +{ $count } kolejnego
}
