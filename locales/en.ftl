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
continue-hint = Choose or drop the same folders again to continue where you stopped. Files already sent are not sent again.
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
complete-detail = { $uploaded } uploaded, { $already } already backed up, { $skipped } skipped, { $failed } failed
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
fault-thumbnail = thumbnail failed: { $detail }
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
