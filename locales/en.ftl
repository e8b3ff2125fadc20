# Shoebox, English: every word the app shows. Keys come from src/strings*.rs; the fixed words
# below the sentences were moved here by scripts/i18n_callsites.py. Status words follow
# contracts.md. Other languages: locales/<lang>.ftl with the same keys and variables.

## Counts and sizes

files = { $count ->
    [one] { $count } file
   *[other] { $count } files
}
list-separator = {", "}
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-kb = { $value } KB
size-mb = { $value } MB
size-gb = { $value } GB
size-tb = { $value } TB
speed = { $size }/s
eta-under-minute = less than a minute
eta-minutes = about { $minutes } min
eta-hours = about { $hours } h { $minutes } min

## The plan and the backup

plan-checking = Checking what is inside each file: { $checked } of { $total }. The numbers above may still change a little.
plan-checked = { $total ->
    [one] The file is checked.
   *[other] All { $total } files checked.
}
continue-detail = { $count ->
    [one] { $count } file was
   *[other] { $count } files were
} not finished last time. { continue-hint }
continue-hint = Choose or drop the same folders or archives again to continue where you stopped. Files already sent are not sent again.
continue-archives = Archives to choose again: { $names }
more-folders = { $count ->
    [one] and { $count } more folder
   *[other] and { $count } more folders
}
more-in-csv = and { $count } more in the CSV
bytes-of = { $done } of { $total }
files-of = { $total ->
    [one] { $done } of { $total } file
   *[other] { $done } of { $total } files
}
status-looking = Looking through your folders ({ $found } found)
status-ready-to-back-up = Ready to back up { $count ->
    [one] { $count } photo or video
   *[other] { $count } photos and videos
}
status-backing-up = Backing up { $done } of { $total }
backing-up-left = { $size } left
backing-up-left-eta = { $size } left, { $eta }
complete-uploaded = { $count } uploaded
complete-already = { $count } already backed up
complete-skipped = { $count } skipped
complete-failed = { $count } failed
skipped-line = { $count ->
    [one] { $count } photo or video was skipped — see why
   *[other] { $count } photos or videos were skipped — see why
}
plan-totals = { $photos ->
    [one] { $photos } photo
   *[other] { $photos } photos
}, { $videos ->
    [one] { $videos } video
   *[other] { $videos } videos
}, { $downsize } to downsize, { $skipped } skipped
folder-meta = { files } · { $size }
folder-meta-reading = { files } · reading sizes ({ $size } so far)
plan-size-line = { files } to back up, { $size }
plan-size-skipped = { $skipped } skipped
plan-size-not-chosen = { $notchosen } not chosen
page-line = On this page: { $batches ->
    [one] { $batches } backup
   *[other] { $batches } backups
}, { files } — { $parts }
page-uploaded = { $uploaded } uploaded ({ $size })
page-already = { $already } already backed up
page-skipped = { $skipped } skipped
page-failed = { $failed } failed
phase-uploading = uploading { $percent }%
phase-retrying = retrying in { $seconds } s

## A file's outcome

outcome-uploaded = uploaded
outcome-uploaded-note = uploaded ({ $note })
outcome-already = already backed up
outcome-skipped = skipped: { $reason }
outcome-failed = failed: { $reason }
skip-not-media = not a photo or video
skip-empty-file = empty file
skip-system-file = system file
skip-over-size-limit = over the size limit
skip-over-pixel-limit = over the pixel limit
skip-under-minimum-size = under the minimum size
note-unreadable-sent-original = could not be read, sent as the original
note-kept-original = original kept
note-downsized = downsized to 16 MP

## Why something failed

fail-timeout = the request timed out
fail-stalled = the connection stalled
fail-aborted = the request was aborted
fail-connection = network error: the connection failed
fail-network = network error: { $detail }
fail-server-answered = server answered { $status }
fail-server-said = server answered { $status }: { $reason }
fail-no-location = server answered the creation without a Location
fail-no-offset = server answered HEAD without Upload-Offset
fail-gone = network error: the file is no longer available
fail-cancelled = cancelled
fail-unknown = unknown
fault-read-failed = the file could not be read: { $detail }
fault-malformed-job = malformed job
fault-crashed = worker crashed: { $detail }
fault-not-started = workers failed to start
fault-not-started-detail = workers failed to start: { $detail }
fault-not-sent = postMessage failed: { $detail }
fault-dropped = worker pool dropped the job
fault-unexpected-reply = the worker gave an unexpected reply
fault-malformed-digest = the worker gave a malformed digest
fault-no-blob = blob creation failed
fault-no-codecs = this worker has no photo codecs
fault-thumbnail = thumbnail failed: { $detail }
fault-inflate-corrupt = its bytes in the archive are damaged and cannot be unpacked
fault-inflate-sizes = it unpacks to a different size than the archive says (damaged, or a zip bomb)
fault-inflate-crc = its unpacked bytes do not match the archive's checksum: the archive is damaged
api-bad-request = the request was not valid
api-unauthorized = this device is not signed in
api-forbidden = this device may not do that
api-not-found = no such upload or media
api-gone = upload expired
api-offset-conflict = the server holds a different part of this file
api-locked = another request is writing to this upload
api-unsupported-version = the server speaks another version of the upload protocol
api-unsupported-media-type = the server did not accept the way the file was sent
api-too-large = the file is larger than the server accepts
api-over-kiosk-limit = the file is larger than this kiosk accepts
api-digest-mismatch = the bytes the server received do not match the file
api-checksum-mismatch = a part of the file arrived damaged
api-storage-full = the server's storage is full
api-quota-full = your storage is full
api-kiosk-full = this kiosk cannot take more right now
api-rate-limited = too many attempts; wait a few minutes and try again
api-read-only = the server cannot store files right now; nothing was lost, try again later
api-stored-mismatch = the server stored the file wrongly; it will be sent again
api-album-exists = an album of that name already exists
api-album-live-visit = this album is where a kiosk visit still in progress saves its photos
api-internal = internal server error
api-unknown = the server refused

## Devices and signing in

pair-title = Sign in “{ $name }” to your account?
pair-title-upload = Let “{ $name }” upload to your account for { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}?
pair-body = It will see and back up your photos.
pair-body-upload-only = It cannot see your photos.
storage-line = Storage: { $used } used
storage-line-quota = Storage: { $used } used of { $quota }
device-chromebook = Chromebook
device-windows = Windows PC
device-mac = Mac
device-android = Android phone
device-iphone = iPhone or iPad
device-linux = Linux computer
device-browser = A browser

## Kiosk and Back up & sync

kiosk-done = Done — { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} saved. You can take your card.
kiosk-finishing = Finishing in { $seconds } s — touch to stay
kiosk-drop = Your photos are in “{ $drop }”. Your code: { $code }
sync-never = not fully backed up yet
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · last fully backed up { $time }
last-backup = Last backup: { $time }

## Library

library-items = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
library-totals = { library-items } · { $size } · { $used } used on the server
library-totals-quota = { library-items } · { $size } · { $used } of { $quota } used
library-selected = { $count } selected
library-confirm-trash-title = Move { library-items } to the Trash?
library-confirm-trash-body = { $count ->
    [one] It is
   *[other] They are
} kept 30 days and can be restored until then. Nothing on this device is deleted.
library-moved-to-trash = { library-items } moved to the Trash.
library-restored = { library-items } restored.
library-album-line = { library-items } · { $size }
library-select-item = Select { $name }
library-open-item = { $name }, { $day }
library-position = { $n } of { $total }

## Fixed words

app-name = Shoebox
tagline = Back up your photos and videos. Nothing to install.
page-title = Shoebox · Back up your photos and videos
drop-hint = Drop folders or photos anywhere on this page
drop-active = Drop to add them to your backup
choose-folders = Choose folders
choose-files = Choose files
add-more = Add more folders
back-up = Back up
pause = Pause
resume = Resume
continue = Continue
continue-remembered = Continue reads these again:
retry-failed = Retry failed
cancel = Cancel
retry = Retry
settings = Settings
download-csv = Download the list (CSV)
empty-title = Nothing chosen yet
empty-body = Choose the folders that hold your photos and videos, or drop them here. Shoebox looks through them first and shows you what it will back up before anything is sent.
plan-title = What will be backed up
files-title = Files
overall-progress = Overall progress
skipped-title = Skipped files and why
leave-warning = Your backup is still running. If you leave, it will continue from where it stopped next time.
done-notification = Your backup is complete
file-unreadable = This file could not be opened. It may have been moved, deleted or still be downloading.
plan-hint = Check the folders below, then press Back up. Nothing is sent before that.
paused-hint = Nothing is being sent. Press Resume to carry on where it stopped.
offline-hint = This device is offline. The backup continues by itself when the connection is back.
wifi-hint = You asked to back up on Wi-Fi only, and this connection is mobile data. The backup continues on Wi-Fi.
sign-in-hint = The server did not accept this device. Press “Sign in this device” below and approve it from a device that is signed in, or open the link you were given again.
set-quality = Upload size
set-quality-original = Original
set-quality-high = High quality (up to 16 MP)
set-limits = Limits
set-limits-server = The server's
set-limits-seed = Classic (75 MB, 100 MP photos)
set-limits-google = Google Photos (200 MB, 200 MP, at least 256 px)
set-destination = Destination (tus address; empty means this server)
set-token = Access key
set-wifi-only = Back up on Wi-Fi only
set-parallel = Uploads at once
set-album = Albums
set-album-folder = One album per top folder
set-album-folders = One album per folder, sub-folders too
set-album-none = No albums
set-album-named = All into one album named…
set-album-name = Album name
set-language = Language
set-language-hint = Kept on this device.
set-backup = Backup
set-storage = Storage
set-advanced = Advanced
set-advanced-hint = Where the uploads go and how many run at once. Leave these as they are unless you were told otherwise.
filter-group = Show
filter-all = All
filter-pending = In progress
filter-uploaded = Uploaded
filter-already = Already backed up
filter-skipped = Skipped
filter-failed = Failed
file-list = File list
folders = Folders
loose-files = (loose files)
set-strip-location = Remove location from photos
status-ready = Ready
status-continue = Continue your backup
status-sign-in = Sign-in needed
status-offline = Waiting for connection
status-wifi = Waiting for Wi-Fi
status-paused = Backup is paused
status-charge = Waiting to charge
status-backup-off = Back up is off
status-storage-full = Your storage is full
devices-title = Devices and storage
sign-in-this = Sign in this device
sign-in-how = On a device that is already signed in to Shoebox, scan this code, or open “Devices and storage” there and enter it:
sign-in-failed = Shoebox could not start signing in. Check the connection and try again.
sign-in-expired = The sign-in code expired. Press Sign in this device for a new one.
sign-in-link-used = This sign-in link was already used or has expired. Ask for a new one, or press Sign in this device.
pair-enter = Sign in a new device: its code
pair-look-up = Continue
pair-approve = Approve
pair-cancel = Cancel
pair-approved = Approved. The other device is signed in.
pair-unknown = That code is not known, was already used, or has expired.
pair-too-many = Too many codes tried. Wait a few minutes, then try again.
device-revoke = Sign out
device-upload-only = upload only
storage-full-hint = The server has no room for more of your photos. Free some space or ask for a larger quota; press Resume to try again (Shoebox also tries again every few minutes).
charge-hint = You asked to back up only while charging. The backup continues by itself when this device is plugged in.
backup-off-hint = Your backup folders are not being backed up. Turn on Back up & sync to back up new photos and videos as they arrive.
turn-on = Turn on
updated-note = Shoebox was updated to its latest version.
shared-album = Shared
kiosk-choose = Choose or drop your photos
kiosk-choose-files = Choose single photos
kiosk-drop-hint = Put in your memory card or USB stick, then choose its folder — or drop photos anywhere on this screen.
kiosk-starting = Getting ready…
kiosk-finish = Finish
kiosk-phone = Upload from your phone
kiosk-own = Into your own Shoebox account
kiosk-own-how = On your phone, signed in to Shoebox, scan this code and approve. This kiosk then uploads into your account for one hour, and cannot see your photos.
kiosk-own-line = Your photos go into your own Shoebox account.
kiosk-phone-hint = Scan this code with your phone's camera, or open the link on it. It works for this visit only.
kiosk-arrived = In your drop
phone-link-ended = This link has ended with the visit it belonged to. Ask at the kiosk for a new one.
kiosk-keep = Let my uploads finish if I walk away
kiosk-unavailable = This kiosk cannot reach its server just now. Please ask at the counter.
kiosk-wrong-key = This kiosk's key is not accepted by its server, so visitors cannot upload. Please ask at the counter. (For the operator: check the key in this screen's address.)
kiosk-nothing-kept = Nothing is kept on this screen: when you finish, it forgets your photos.
sync-title = Back up & sync
sync-switch = Back up & sync
sync-hint = Keeps your backup folders backed up while Shoebox is open, new photos and videos included. Deleting a photo here never deletes its backup.
sync-add = Add a backup folder
sync-remove = Remove
sync-allow = Allow access to your backup folders
sync-allow-why = After a restart the browser asks once more before Shoebox may read your backup folders.
sync-charging-only = Back up only while charging
sync-charging-unavailable = Back up only while charging (this browser cannot tell whether the device is charging)
sync-no-picker = This browser cannot keep folders. Use Chromium, Chrome or Edge, on ChromeOS or a desktop.
status-complete = Backup complete
phase-waiting = waiting
phase-inspecting = looking
phase-ready = ready
phase-hashing = hashing
phase-checking = checking
phase-preparing = downsizing
phase-paused = paused
phase-not-chosen = not chosen
library-nav-backup = Back up
library-nav-library = Library
library-nav-label = Shoebox
library-timeline = Photos
library-albums = Albums
library-trash = Trash
library-views-label = Library views
library-search = Search
library-search-hint = File name or album
library-from = From
library-to = To
library-clear-filters = Clear filters
library-filter-label = Show
library-kind-all = All
library-kind-photos = Photos
library-kind-videos = Videos
library-kind-downsized = Downsized
library-kind-originals = Originals
library-loading = Loading your library…
library-unavailable = This server has no library to show, or this device may only upload. Sign in with a full account to see what is backed up.
library-failed = The library could not be loaded. Check the connection and try again.
library-retry = Try again
library-empty = Nothing backed up yet. Photos and videos you back up appear here.
library-no-match = Nothing matches these filters.
library-trash-empty = The Trash is empty.
library-trash-note = Until they are deleted they still count as backed up, so a sync or the same folder dropped again does not upload them again: restore them to see them in your library. Nothing on your devices is ever deleted.
library-scrubber = Jump to a month
library-grid-label = Your photos and videos
library-select = Select
library-move-to-trash = Move to Trash
library-restore = Restore
library-clear-selection = Clear selection
library-confirm = Move to Trash
library-cancel = Cancel
library-action-failed = That did not work: the server did not answer. Nothing was changed.
library-no-album = Not in an album
library-download = Download
library-add-to-album = Add to album
library-new-album = New album
library-add = Add
library-your-albums = Your albums
library-rename = Rename
library-album-name = Album name
library-save = Save
library-download-all = Download all
library-all-albums = All albums
library-selection-label = Selection
library-added-to-album = { library-items } added to the album.
library-album-renamed = Album renamed.
library-album-exists = You already have an album with that name.
library-album-missing = There is no album called “{ $name }” in your library.
library-album-live-visit = A kiosk visit still in progress saves its photos in this album. It can be changed once the visit ends.
library-album-name-refused = An album needs a name, without control characters, of at most 1024 bytes.
library-choose-album-title = Add { library-items } to an album
library-album-facts-range = { library-items } · { $from } to { $to }
library-album-facts-day = { library-items } · { $day }
library-no-albums = No albums yet. Folders you back up become albums.
library-close = Close
library-previous = Previous
library-next = Next
library-zoom = Zoom
library-fit = Fit to window
library-download-original = Download original
library-download-copy = Download
library-downsized-note = This is the downsized copy (High quality). The original was not uploaded, so this is the best copy there is.
library-details = Details
library-no-thumb = No preview
library-d-name = Name
library-d-folder = Folder
library-d-album = Album
library-d-taken = Taken
library-d-size = Size
library-d-pixels = Pixels
library-d-camera = Camera
library-d-place = Place
library-d-quality = Quality
library-q-downsized = Downsized to 16 MP (High quality)
library-q-original = Original
library-video = Video
library-video-unplayable = This video cannot be played in this browser (its format needs hardware this device does not offer). Download the original to watch it.
library-motion = Live
library-play-motion = Play motion
library-trashed = In the Trash

library-download-motion = Download motion clip
library-download-sidecar = Download { $filename }

choose-photos = Choose photos
take-photo = Take a photo
phone-choose = Send photos from this phone
phone-hint = Choose the photos and videos on this phone to send. They go into this visit at the kiosk, with everything else you bring.
library-restore-all = Restore all
library-empty-trash = Empty trash
library-empty-trash-yes = Delete for good
library-empty-trash-title = Empty the Trash?
library-empty-trash-body = Everything in the Trash is deleted from the server for good, now. This cannot be undone. Nothing on your devices is deleted.
library-undo = Undo
kiosk-photos = { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
kiosk-images = { $count ->
    [one] { $count } image
   *[other] { $count } images
}
kiosk-videos = { $count ->
    [one] { $count } video
   *[other] { $count } videos
}
kiosk-files = { $count ->
    [one] { $count } file
   *[other] { $count } files
}
kiosk-done-kinds = Done — { $kinds } saved.
kiosk-done-nothing = Done — nothing new was saved.
kiosk-done-card = { $done } You can take your card.
list-more = { $first }, { $next }
list-last = { $rest } and { $last }
kiosk-reset-in = This screen starts over in { $seconds } s
skipped-media = { $count ->
    [one] { $count } photo or video skipped
   *[other] { $count } photos or videos skipped
}
skipped-ignored = { $count ->
    [one] { $count } other file ignored
   *[other] { $count } other files ignored
}
skipped-see-why = { $what } — see why
library-trash-kept = Items in the Trash are deleted from the server for good { $days ->
    [one] { $days } day
   *[other] { $days } days
} after they were moved there. { $rest }
library-trash-kept-unknown = Items in the Trash are deleted from the server for good after a while. { $rest }
library-days-left = { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}
library-deleted-soon = Deleted soon
library-emptied = { $count ->
    [one] { $count } item deleted for good.
   *[other] { $count } items deleted for good.
}
library-visits-heading = Kiosk visits today
library-visit-code = Code { $code }
library-visit-span = { $start } to { $end }
library-visit-live = In progress
library-visit-empty = Nothing saved yet

# Google Takeout import
takeout-summary = Google Photos export: { $photos ->
    [one] { $photos } photo
   *[other] { $photos } photos
}, { $videos ->
    [one] { $videos } video
   *[other] { $videos } videos
}, { $albums ->
    [one] { $albums } album
   *[other] { $albums } albums
}; { $dates ->
    [one] { $dates } date
   *[other] { $dates } dates
} and { $places ->
    [one] { $places } place
   *[other] { $places } places
} from Google; { $without ->
    [one] { $without } item
   *[other] { $without } items
} without a sidecar
takeout-reading = Reading the export's descriptions: { $count } left.
takeout-notes-title = From the export: not matched or not used
takeout-note-no-sidecar = No sidecar: keeps its own date and place
takeout-note-sidecar-unused = Sidecar without its photo or video
takeout-note-not-kept = Not kept for a later archive (this browser already keeps 100,000 such files): choose it together with the archive that holds its match
takeout-note-not-json = Sidecar is not readable JSON
takeout-note-bad-date = The sidecar's date could not be used
takeout-note-bad-place = The sidecar's place could not be used
takeout-note-bad-value = A value in the sidecar could not be used
takeout-note-description-cut = Description too long: cut
takeout-note-albums-dropped = Some album names did not fit: left out
takeout-note-place-stripped = Place left out (Remove location from photos)
takeout-parts = { $count ->
    [one] Archive part { $parts }.
   *[other] Archive parts { $parts }.
}
takeout-parts-missing = { $count ->
    [one] Part { $parts } is missing.
   *[other] Parts { $parts } are missing.
}
takeout-note-tar = A .tgz or .tar export: unpack it first, then choose the folder
takeout-note-not-zip = Not a .zip archive
takeout-note-truncated = The archive is cut short (an unfinished download?)
takeout-note-corrupt = The archive is damaged and cannot be read
takeout-note-encrypted = Encrypted: not imported
takeout-note-outside = Its name points outside the archive: not imported
takeout-note-method = Packed in a way that cannot be read: not imported
takeout-note-sizes = Its sizes cannot be true: not imported

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }, over the { $limit } limit
skip-over-server-limit = { $size }, over the server's limit
skip-over-pixel-limit-of = { $pixels }, over the { $limit } limit
skip-under-minimum-size-of = { $side } on the shorter side, under the { $minimum } minimum
size-mp = { $value } MP
size-px = { $value } px
csv-path = path
csv-reason = reason
skipped-dismiss = Dismiss

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = Back up is on
sync-busy = Backing up
sync-add-prompt = Add a folder to back up: Shoebox backs up its new photos and videos while it is open.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = Nothing new to back up
complete-open-library = See them in your library

# The file list: finished batches folded into one line
earlier-batches = Earlier backups on this page: { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox — photo and video backup
manifest-short-name = Shoebox
manifest-description = Back up your photos and videos from this device, folders kept in sync, nothing else to install.
manifest-shot-running = A backup running
manifest-shot-plan = The plan before anything is sent
library-remove-from-album = Remove from album
library-removed-from-album = { library-items } removed from the album.
plan-album-named = All into “{ $name }”
plan-albums-none = No albums: everything goes to the library only.
plan-albums-count = { $count ->
    [one] Makes { $count } album:
   *[other] Makes { $count } albums:
}
plan-albums-more = { $count ->
    [one] +{ $count } more
   *[other] +{ $count } more
}
