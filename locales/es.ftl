# Shoebox, español. Mismas claves y variables que en.ftl.

## Counts and sizes

files = { $count ->
    [one] { $count } archivo
   *[other] { $count } archivos
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
eta-under-minute = menos de un minuto
eta-minutes = unos { $minutes } min
eta-hours = unas { $hours } h { $minutes } min

## The plan and the backup

plan-checking = Comprobando el contenido de cada archivo: { $checked } de { $total }. Las cifras de arriba aún pueden cambiar un poco.
plan-checked = { $total ->
    [one] El archivo está comprobado.
   *[other] Los { $total } archivos están comprobados.
}
continue-hint = Vuelve a elegir o a soltar las mismas carpetas o archivos comprimidos para seguir donde lo dejaste. Los archivos ya enviados no se vuelven a enviar.
continue-archives = Archivos comprimidos que debes volver a elegir: { $names }
continue-detail = { $count ->
    [one] { $count } archivo no terminó la última vez.
   *[other] { $count } archivos no terminaron la última vez.
} { continue-hint }
more-folders = { $count ->
    [one] y { $count } carpeta más
   *[other] y { $count } carpetas más
}
more-in-csv = y { $count } más en el CSV
bytes-of = { $done } de { $total }
files-of = { $total ->
    [one] { $done } de { $total } archivo
   *[other] { $done } de { $total } archivos
}
status-looking = Revisando tus carpetas ({ $found } encontrados)
status-ready-to-back-up = { $count ->
    [one] Listo para hacer copia de seguridad de { $count } foto o vídeo
   *[other] Listo para hacer copia de seguridad de { $count } fotos y vídeos
}
status-backing-up = Haciendo copia de seguridad: { $done } de { $total }
backing-up-left = faltan { $size }
backing-up-left-eta = faltan { $size }, { $eta }
complete-uploaded = { $count ->
    [one] { $count } subido
   *[other] { $count } subidos
}
complete-already = { $count ->
    [one] { $count } ya tenía copia de seguridad
   *[other] { $count } ya tenían copia de seguridad
}
complete-skipped = { $count ->
    [one] { $count } omitido
   *[other] { $count } omitidos
}
complete-failed = { $count } con error
skipped-line = { $count ->
    [one] Se ha omitido una foto o un vídeo: ver por qué
   *[other] Se han omitido { $count } fotos o vídeos: ver por qué
}
plan-totals = { $photos ->
    [one] { $photos } foto
   *[other] { $photos } fotos
}, { $videos ->
    [one] { $videos } vídeo
   *[other] { $videos } vídeos
}, { $downsize } para reducir, { $skipped } omitidos
folder-meta = { files } · { $size }
folder-meta-reading = { files } · leyendo tamaños ({ $size } hasta ahora)
plan-size-line = { files } para copiar, { $size }
plan-size-skipped = { $skipped } omitidos
plan-size-not-chosen = { $notchosen } sin elegir
page-line = En esta página: { $batches ->
    [one] { $batches } copia
   *[other] { $batches } copias
}, { files } — { $parts }
page-uploaded = { $uploaded ->
    [one] { $uploaded } subido ({ $size })
   *[other] { $uploaded } subidos ({ $size })
}
page-already = { $already ->
    [one] { $already } ya tenía copia de seguridad
   *[other] { $already } ya tenían copia de seguridad
}
page-skipped = { $skipped ->
    [one] { $skipped } omitido
   *[other] { $skipped } omitidos
}
page-failed = { $failed } con error
phase-uploading = subiendo { $percent } %
phase-retrying = reintento en { $seconds } s

## A file's outcome

outcome-uploaded = subido
outcome-uploaded-note = subido ({ $note })
outcome-already = ya tenía copia de seguridad
outcome-skipped = omitido: { $reason }
outcome-failed = error: { $reason }
skip-not-media = no es una foto ni un vídeo
skip-empty-file = archivo vacío
skip-system-file = archivo del sistema
skip-over-size-limit = supera el tamaño máximo
skip-over-pixel-limit = supera el máximo de píxeles
skip-under-minimum-size = por debajo del tamaño mínimo
note-unreadable-sent-original = no se pudo leer, se envió el original
note-kept-original = se conservó el original
note-downsized = reducida a 16 MP

## Why something failed

fail-timeout = la solicitud tardó demasiado
fail-stalled = la conexión se ha bloqueado
fail-aborted = la solicitud se interrumpió
fail-connection = error de red: falló la conexión
fail-network = error de red: { $detail }
fail-server-answered = el servidor respondió { $status }
fail-server-said = el servidor respondió { $status }: { $reason }
fail-no-location = el servidor respondió a la creación sin Location
fail-no-offset = el servidor respondió a HEAD sin Upload-Offset
fail-gone = error de red: el archivo ya no está disponible
fail-cancelled = cancelado
fail-unknown = desconocido
fault-read-failed = no se pudo leer el archivo: { $detail }
fault-malformed-job = tarea mal formada
fault-crashed = el worker falló: { $detail }
fault-not-started = los workers no pudieron arrancar
fault-not-started-detail = los workers no pudieron arrancar: { $detail }
fault-not-sent = falló postMessage: { $detail }
fault-dropped = el grupo de workers perdió la tarea
fault-unexpected-reply = el worker dio una respuesta inesperada
fault-malformed-digest = el worker dio un resumen mal formado
fault-no-blob = no se pudo crear el blob
fault-no-codecs = este worker no tiene códecs de fotos
fault-thumbnail = falló la miniatura: { $detail }
fault-inflate-corrupt = sus datos en el archivo comprimido están dañados y no se pueden descomprimir
fault-inflate-sizes = al descomprimirlo no tiene el tamaño que indica el archivo comprimido (dañado, o una bomba zip)
fault-inflate-crc = los datos descomprimidos no coinciden con la suma de comprobación del archivo comprimido: está dañado
api-bad-request = la solicitud no era válida
api-unauthorized = este dispositivo no ha iniciado sesión
api-forbidden = este dispositivo no tiene permiso para eso
api-not-found = no existe esa subida o ese archivo
api-gone = la subida ha caducado
api-offset-conflict = el servidor tiene otra parte de este archivo
api-locked = otra solicitud está escribiendo en esta subida
api-unsupported-version = el servidor usa otra versión del protocolo de subida
api-unsupported-media-type = el servidor no aceptó la forma en que se envió el archivo
api-too-large = el archivo es más grande de lo que acepta el servidor
api-over-kiosk-limit = el archivo es más grande de lo que acepta este quiosco
api-digest-mismatch = los datos que recibió el servidor no coinciden con el archivo
api-checksum-mismatch = una parte del archivo llegó dañada
api-storage-full = el almacenamiento del servidor está lleno
api-quota-full = tu almacenamiento está lleno
api-kiosk-full = este quiosco no puede aceptar más ahora mismo
api-rate-limited = demasiados intentos; espera unos minutos y vuelve a intentarlo
api-read-only = el servidor no puede guardar archivos ahora; no se ha perdido nada, inténtalo más tarde
api-stored-mismatch = el servidor guardó mal el archivo; se enviará de nuevo
api-album-exists = ya existe un álbum con ese nombre
api-album-live-visit = en este álbum se guardan las fotos de una visita al quiosco que sigue en curso
api-internal = error interno del servidor
api-unknown = el servidor lo rechazó

## Devices and signing in

pair-title = ¿Iniciar sesión en tu cuenta con «{ $name }»?
pair-title-upload = { $hours ->
    [one] ¿Dejar que «{ $name }» suba a tu cuenta durante { $hours } hora?
   *[other] ¿Dejar que «{ $name }» suba a tu cuenta durante { $hours } horas?
}
pair-body = Podrá ver tus fotos y hacer copia de ellas.
pair-body-upload-only = No podrá ver tus fotos.
storage-line = Almacenamiento: { $used } usados
storage-line-quota = Almacenamiento: { $used } usados de { $quota }
device-chromebook = Chromebook
device-windows = PC con Windows
device-mac = Mac
device-android = Teléfono Android
device-iphone = iPhone o iPad
device-linux = Ordenador con Linux
device-browser = Un navegador

## Kiosk and Back up & sync

kiosk-done = { $count ->
    [one] Listo: { $count } foto guardada. Ya puedes retirar tu tarjeta.
   *[other] Listo: { $count } fotos guardadas. Ya puedes retirar tu tarjeta.
}
kiosk-finishing = Terminando en { $seconds } s: toca para seguir
kiosk-drop = Tus fotos están en «{ $drop }». Tu código: { $code }
sync-never = aún sin copia de seguridad completa
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · última copia completa: { $time }
last-backup = Última copia de seguridad: { $time }

## Library

library-items = { $count ->
    [one] { $count } elemento
   *[other] { $count } elementos
}
library-totals = { library-items } · { $size } · { $used } usados en el servidor
library-totals-quota = { library-items } · { $size } · { $used } usados de { $quota }
library-selected = { $count ->
    [one] { $count } seleccionado
   *[other] { $count } seleccionados
}
library-confirm-trash-title = ¿Mover { library-items } a la papelera?
library-confirm-trash-body = { $count ->
    [one] Se guarda 30 días y se puede restaurar hasta entonces.
   *[other] Se guardan 30 días y se pueden restaurar hasta entonces.
} No se borra nada de este dispositivo.
library-moved-to-trash = { $count ->
    [one] { library-items } movido a la papelera.
   *[other] { library-items } movidos a la papelera.
}
library-restored = { $count ->
    [one] { library-items } restaurado.
   *[other] { library-items } restaurados.
}
library-album-line = { library-items } · { $size }
library-select-item = Seleccionar { $name }
library-open-item = { $name }, { $day }
library-position = { $n } de { $total }

## Fixed words

app-name = Shoebox
tagline = Haz una copia de seguridad de tus fotos y vídeos. Sin instalar nada.
page-title = Shoebox · Copia de seguridad de tus fotos y vídeos
drop-hint = Suelta carpetas o fotos en cualquier parte de esta página
drop-active = Suéltalas para añadirlas a tu copia
choose-folders = Elegir carpetas
choose-files = Elegir archivos
add-more = Añadir más carpetas
back-up = Hacer copia de seguridad
pause = Pausar
resume = Reanudar
continue = Continuar
continue-remembered = Para continuar, se vuelven a leer estos:
retry-failed = Reintentar los fallidos
cancel = Cancelar
retry = Reintentar
settings = Ajustes
download-csv = Descargar la lista (CSV)
empty-title = Aún no has elegido nada
empty-body = Elige las carpetas con tus fotos y vídeos, o suéltalas aquí. Shoebox las revisa primero y te muestra qué copiará antes de enviar nada.
plan-title = Qué se va a copiar
files-title = Archivos
overall-progress = Progreso total
skipped-title = Archivos omitidos y por qué
leave-warning = Tu copia de seguridad sigue en marcha. Si te vas, la próxima vez continuará donde se quedó.
done-notification = Tu copia de seguridad ha terminado
file-unreadable = No se pudo abrir este archivo. Puede que se haya movido o borrado, o que aún se esté descargando.
plan-hint = Revisa las carpetas de abajo y pulsa «Hacer copia de seguridad». No se envía nada antes.
paused-hint = No se está enviando nada. Pulsa «Reanudar» para seguir donde se quedó.
offline-hint = Este dispositivo no tiene conexión. La copia seguirá sola cuando vuelva la conexión.
wifi-hint = Has elegido hacer copia solo con Wi-Fi y esta conexión usa datos móviles. La copia seguirá cuando haya Wi-Fi.
sign-in-hint = El servidor no aceptó este dispositivo. Pulsa «Iniciar sesión en este dispositivo» aquí abajo y apruébalo desde un dispositivo con la sesión iniciada, o vuelve a abrir el enlace que te dieron.
set-quality = Tamaño de subida
set-quality-original = Original
set-quality-high = Alta calidad (hasta 16 MP)
set-limits = Límites
set-limits-server = Los del servidor
set-limits-seed = Clásico (75 MB, fotos de hasta 100 MP)
set-limits-google = Google Fotos (200 MB, 200 MP, al menos 256 px)
set-destination = Destino (dirección tus; vacío es este servidor)
set-token = Clave de acceso
set-wifi-only = Hacer copia de seguridad solo con Wi-Fi
set-parallel = Subidas a la vez
set-album = Álbumes
set-album-folder = Un álbum por carpeta principal
set-album-folders = Un álbum por carpeta, incluidas las subcarpetas
set-album-none = Sin álbumes
set-album-named = Todo en un álbum llamado…
set-album-name = Nombre del álbum
set-language = Idioma
set-language-hint = Se guarda en este dispositivo.
set-backup = Copia de seguridad
set-storage = Almacenamiento
set-advanced = Avanzado
set-advanced-hint = Adónde van las subidas y cuántas se hacen a la vez. No cambies estos ajustes salvo que te lo hayan indicado.
filter-group = Mostrar
filter-all = Todo
filter-pending = En curso
filter-uploaded = Subidos
filter-already = Ya tenían copia de seguridad
filter-skipped = Omitidos
filter-failed = Con error
file-list = Lista de archivos
folders = Carpetas
loose-files = (archivos sueltos)
set-strip-location = Quitar la ubicación de las fotos
status-ready = Listo
status-continue = Continúa tu copia de seguridad
status-sign-in = Es necesario iniciar sesión
status-offline = Esperando conexión
status-wifi = Esperando Wi-Fi
status-paused = Copia de seguridad en pausa
status-charge = Esperando a que se cargue
status-backup-off = Copia de seguridad desactivada
status-storage-full = Tu almacenamiento está lleno
devices-title = Dispositivos y almacenamiento
sign-in-this = Iniciar sesión en este dispositivo
sign-in-how = En un dispositivo que ya tenga la sesión de Shoebox iniciada, escanea este código, o abre allí «Dispositivos y almacenamiento» e introdúcelo:
sign-in-failed = Shoebox no pudo empezar a iniciar sesión. Comprueba la conexión y vuelve a intentarlo.
sign-in-expired = El código de inicio de sesión ha caducado. Pulsa «Iniciar sesión en este dispositivo» para obtener otro.
sign-in-link-used = Este enlace de inicio de sesión ya se ha usado o ha caducado. Pide otro, o pulsa «Iniciar sesión en este dispositivo».
pair-enter = Iniciar sesión en un dispositivo nuevo: su código
pair-look-up = Continuar
pair-approve = Aprobar
pair-cancel = Cancelar
pair-approved = Aprobado. El otro dispositivo ya tiene la sesión iniciada.
pair-unknown = Ese código no existe, ya se ha usado o ha caducado.
pair-too-many = Demasiados códigos probados. Espera unos minutos y vuelve a intentarlo.
device-revoke = Cerrar sesión
device-upload-only = solo subir
storage-full-hint = El servidor no tiene espacio para más fotos tuyas. Libera espacio o pide más cuota; pulsa «Reanudar» para volver a intentarlo (Shoebox también lo reintenta cada pocos minutos).
charge-hint = Has elegido hacer copia solo mientras se carga. La copia seguirá sola cuando conectes este dispositivo al cargador.
backup-off-hint = No se está haciendo copia de seguridad de tus carpetas. Activa «Copia de seguridad y sincronización» para copiar las fotos y vídeos nuevos en cuanto lleguen.
turn-on = Activar
updated-note = Shoebox se ha actualizado a su última versión.
shared-album = Compartido
kiosk-choose = Elige o suelta tus fotos
kiosk-choose-files = Elegir fotos sueltas
kiosk-drop-hint = Inserta tu tarjeta de memoria o memoria USB y elige su carpeta, o suelta fotos en cualquier parte de esta pantalla.
kiosk-starting = Preparando…
kiosk-finish = Terminar
kiosk-phone = Subir desde tu móvil
kiosk-own = A tu propia cuenta de Shoebox
kiosk-own-how = En tu móvil, con la sesión de Shoebox iniciada, escanea este código y apruébalo. Este quiosco subirá entonces a tu cuenta durante una hora, sin poder ver tus fotos.
kiosk-own-line = Tus fotos van a tu propia cuenta de Shoebox.
kiosk-phone-hint = Escanea este código con la cámara del móvil, o abre allí el enlace. Solo sirve para esta visita.
kiosk-arrived = Ya recibido
phone-link-ended = Este enlace terminó con la visita a la que pertenecía. Pide otro en el quiosco.
kiosk-keep = Terminar mis subidas aunque me vaya
kiosk-unavailable = Este quiosco no puede conectar con su servidor ahora mismo. Pregunta en el mostrador, por favor.
kiosk-wrong-key = El servidor no acepta la clave de este quiosco, así que nadie puede subir fotos. Pregunta en el mostrador, por favor. (Para el responsable: revisa la clave en la dirección de esta pantalla.)
kiosk-nothing-kept = Esta pantalla no guarda nada: cuando termines, olvidará tus fotos.
sync-title = Copia de seguridad y sincronización
sync-switch = Copia de seguridad y sincronización
sync-hint = Mantiene al día la copia de seguridad de tus carpetas mientras Shoebox está abierto, incluidas las fotos y vídeos nuevos. Borrar una foto aquí nunca borra su copia.
sync-add = Añadir una carpeta de copia de seguridad
sync-remove = Quitar
sync-allow = Permitir el acceso a tus carpetas de copia
sync-allow-why = Tras reiniciar, el navegador vuelve a preguntar antes de que Shoebox pueda leer tus carpetas de copia.
sync-charging-only = Hacer copia de seguridad solo mientras se carga
sync-charging-unavailable = Hacer copia de seguridad solo mientras se carga (este navegador no sabe si el dispositivo se está cargando)
sync-no-picker = Este navegador no puede guardar carpetas. Usa Chromium, Chrome o Edge en ChromeOS o en un ordenador.
status-complete = Copia de seguridad completada
phase-waiting = en espera
phase-inspecting = revisando
phase-ready = listo
phase-hashing = calculando huella
phase-checking = comprobando
phase-preparing = reduciendo
phase-paused = en pausa
phase-not-chosen = sin elegir
library-nav-backup = Copia de seguridad
library-nav-library = Biblioteca
library-nav-label = Shoebox
library-timeline = Fotos
library-albums = Álbumes
library-trash = Papelera
library-views-label = Vistas de la biblioteca
library-search = Buscar
library-search-hint = Nombre de archivo o álbum
library-from = Desde
library-to = Hasta
library-clear-filters = Quitar filtros
library-filter-label = Mostrar
library-kind-all = Todo
library-kind-photos = Fotos
library-kind-videos = Vídeos
library-kind-downsized = Reducidas
library-kind-originals = Originales
library-loading = Cargando tu biblioteca…
library-unavailable = Este servidor no tiene biblioteca que mostrar, o este dispositivo solo puede subir. Inicia sesión con una cuenta completa para ver de qué hay copia de seguridad.
library-failed = No se pudo cargar la biblioteca. Comprueba la conexión y vuelve a intentarlo.
library-retry = Volver a intentarlo
library-empty = Aún no hay nada con copia de seguridad. Las fotos y vídeos que copies aparecerán aquí.
library-no-match = Nada coincide con estos filtros.
library-trash-empty = La papelera está vacía.
library-trash-note = Hasta entonces siguen contando como copiados, así que una sincronización o la misma carpeta soltada otra vez no los vuelve a subir: restáuralos para verlos en tu biblioteca. Nunca se borra nada de tus dispositivos.
library-scrubber = Ir a un mes
library-grid-label = Tus fotos y vídeos
library-select = Seleccionar
library-move-to-trash = Mover a la papelera
library-restore = Restaurar
library-clear-selection = Quitar selección
library-confirm = Mover a la papelera
library-cancel = Cancelar
library-action-failed = No ha funcionado: el servidor no respondió. No se ha cambiado nada.
library-no-album = Sin álbum
library-download = Descargar
library-add-to-album = Añadir a un álbum
library-new-album = Álbum nuevo
library-add = Añadir
library-your-albums = Tus álbumes
library-rename = Cambiar nombre
library-album-name = Nombre del álbum
library-save = Guardar
library-download-all = Descargar todo
library-all-albums = Todos los álbumes
library-selection-label = Selección
library-added-to-album = { $count ->
    [one] { library-items } añadido al álbum.
   *[other] { library-items } añadidos al álbum.
}
library-album-renamed = Álbum renombrado.
library-album-exists = Ya tienes un álbum con ese nombre.
library-album-name-refused = El nombre del álbum es obligatorio, sin caracteres de control y de 1024 bytes como máximo.
library-album-missing = No hay ningún álbum llamado «{ $name }» en tu biblioteca.
library-album-live-visit = Una visita al quiosco que sigue en curso guarda sus fotos en este álbum. Podrás cambiarlo cuando termine la visita.
library-choose-album-title = Añadir { library-items } a un álbum
library-album-facts-range = { library-items } · del { $from } al { $to }
library-album-facts-day = { library-items } · el { $day }
library-no-albums = Aún no hay álbumes. Las carpetas que copies se convierten en álbumes.
library-close = Cerrar
library-previous = Anterior
library-next = Siguiente
library-zoom = Ampliar
library-fit = Ajustar a la ventana
library-download-original = Descargar el original
library-download-copy = Descargar
library-downsized-note = Esta es la copia reducida (alta calidad). El original no se subió, así que es la mejor copia que hay.
library-details = Detalles
library-no-thumb = Sin vista previa
library-d-name = Nombre
library-d-folder = Carpeta
library-d-album = Álbum
library-d-taken = Fecha de captura
library-d-size = Tamaño
library-d-pixels = Píxeles
library-d-camera = Cámara
library-d-place = Lugar
library-d-quality = Calidad
library-q-downsized = Reducida a 16 MP (alta calidad)
library-q-original = Original
library-video = Vídeo
library-video-unplayable = Este vídeo no se puede reproducir en este navegador (su formato necesita un hardware que este dispositivo no tiene). Descarga el original para verlo.
library-motion = Live
library-play-motion = Reproducir movimiento
library-trashed = En la papelera
library-download-motion = Descargar el clip en movimiento
library-download-sidecar = Descargar { $filename }

choose-photos = Elegir fotos
take-photo = Hacer una foto
phone-choose = Enviar fotos desde este teléfono
phone-hint = Elige las fotos y los vídeos de este teléfono que quieres enviar. Se suman a esta visita en el quiosco, junto con todo lo demás que traigas.
kiosk-photos = { $count ->
    [one] { $count } foto
   *[other] { $count } fotos
}
kiosk-images = { $count ->
    [one] { $count } imagen
   *[other] { $count } imágenes
}
kiosk-videos = { $count ->
    [one] { $count } vídeo
   *[other] { $count } vídeos
}
kiosk-files = { $count ->
    [one] { $count } archivo
   *[other] { $count } archivos
}
kiosk-done-kinds = Listo: se guardaron { $kinds }.
kiosk-done-nothing = Listo: no se guardó nada nuevo.
kiosk-done-card = { $done } Ya puedes retirar tu tarjeta.
list-more = { $first }, { $next }
list-last = { $rest } y { $last }
kiosk-reset-in = Esta pantalla se reinicia en { $seconds } s
skipped-media = { $count ->
    [one] { $count } foto o vídeo omitido
   *[other] { $count } fotos o vídeos omitidos
}
skipped-ignored = { $count ->
    [one] { $count } archivo más ignorado
   *[other] Otros { $count } archivos ignorados
}
skipped-see-why = { $what }: ver por qué
library-trash-kept = Los elementos de la papelera se eliminan del servidor para siempre { $days ->
    [one] { $days } día
   *[other] { $days } días
} después de moverlos allí. { $rest }
library-trash-kept-unknown = Los elementos de la papelera se eliminan del servidor para siempre pasado un tiempo. { $rest }
library-days-left = { $days ->
    [one] Queda { $days } día
   *[other] Quedan { $days } días
}
library-deleted-soon = Se eliminará pronto
library-emptied = { $count ->
    [one] { $count } elemento eliminado para siempre.
   *[other] { $count } elementos eliminados para siempre.
}
library-restore-all = Restaurar todo
library-empty-trash = Vaciar la papelera
library-empty-trash-yes = Eliminar para siempre
library-empty-trash-title = ¿Vaciar la papelera?
library-empty-trash-body = Todo lo que hay en la papelera se elimina del servidor para siempre, ahora. No se puede deshacer. En tus dispositivos no se elimina nada.
library-undo = Deshacer
library-visits-heading = Visitas de hoy al quiosco
library-visit-code = Código { $code }
library-visit-span = de { $start } a { $end }
library-visit-live = En curso
library-visit-empty = Aún no se ha guardado nada

# Google Takeout import
takeout-summary = Exportación de Google Fotos: { $photos ->
    [one] { $photos } foto
   *[other] { $photos } fotos
}, { $videos ->
    [one] { $videos } vídeo
   *[other] { $videos } vídeos
}, { $albums ->
    [one] { $albums } álbum
   *[other] { $albums } álbumes
}; { $dates ->
    [one] { $dates } fecha
   *[other] { $dates } fechas
} y { $places ->
    [one] { $places } lugar
   *[other] { $places } lugares
} de Google; { $without ->
    [one] { $without } elemento
   *[other] { $without } elementos
} sin archivo complementario
takeout-reading = Leyendo las descripciones de la exportación: quedan { $count }.
takeout-notes-title = Elementos de la exportación sin emparejar o sin usar
takeout-note-no-sidecar = Sin archivo complementario: conserva su propia fecha y lugar
takeout-note-sidecar-unused = Archivo complementario sin su foto o vídeo
takeout-note-not-kept = No se guardó para un archivo posterior (este navegador ya guarda 100.000 archivos así): elígelo junto con el archivo comprimido que contiene su pareja
takeout-note-not-json = El archivo complementario no es JSON legible
takeout-note-bad-date = No se pudo usar la fecha del archivo complementario
takeout-note-bad-place = No se pudo usar el lugar del archivo complementario
takeout-note-bad-value = No se pudo usar un valor del archivo complementario
takeout-note-description-cut = Descripción demasiado larga: recortada
takeout-note-albums-dropped = Algunos nombres de álbum no cabían: omitidos
takeout-note-place-stripped = Lugar omitido (ajuste «Quitar la ubicación de las fotos»)
takeout-parts = { $count ->
    [one] Parte { $parts } del archivo.
   *[other] Partes { $parts } del archivo.
}
takeout-parts-missing = { $count ->
    [one] Falta la parte { $parts }.
   *[other] Faltan las partes { $parts }.
}
takeout-note-tar = Una exportación .tgz o .tar: descomprímela primero y luego elige la carpeta
takeout-note-not-zip = No es un archivo .zip
takeout-note-truncated = El archivo está incompleto (¿una descarga sin terminar?)
takeout-note-corrupt = El archivo está dañado y no se puede leer
takeout-note-encrypted = Cifrado: no importado
takeout-note-outside = Su ruta apunta fuera del archivo: no importado
takeout-note-method = Comprimido con un método que no se puede leer: no importado
takeout-note-sizes = Tamaños indicados incoherentes: no importado

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }, supera el límite de { $limit }
skip-over-server-limit = { $size }, supera el límite del servidor
skip-over-pixel-limit-of = { $pixels }, supera el límite de { $limit }
skip-under-minimum-size-of = { $side } en el lado más corto, por debajo del mínimo de { $minimum }
size-mp = { $value } MP
size-px = { $value } px
csv-path = ruta
csv-reason = motivo
skipped-dismiss = Ocultar

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = Copia de seguridad activada
sync-busy = Haciendo copia de seguridad
sync-add-prompt = Añade una carpeta para hacer copia de seguridad: mientras Shoebox esté abierto, hará copia de seguridad de sus fotos y vídeos nuevos.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = No hay nada nuevo de lo que hacer copia de seguridad
complete-open-library = Verlas en tu biblioteca

# The file list: finished batches folded into one line
earlier-batches = Copias de seguridad anteriores en esta página: { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox: copia de seguridad de fotos y vídeos
manifest-short-name = Shoebox
manifest-description = Haz copia de seguridad de las fotos y vídeos de este dispositivo, con carpetas sincronizadas y sin instalar nada más.
manifest-shot-running = Una copia de seguridad en curso
manifest-shot-plan = El plan antes de enviar nada
library-remove-from-album = Quitar del álbum
library-removed-from-album = { $count ->
    [one] { library-items } quitado del álbum.
   *[other] { library-items } quitados del álbum.
}
plan-album-named = Todo en «{ $name }»
plan-albums-none = Sin álbumes: todo va solo a la biblioteca.
plan-albums-count = { $count ->
    [one] Se creará { $count } álbum:
   *[other] Se crearán { $count } álbumes:
}
plan-albums-more = { $count ->
    [one] +{ $count } más
   *[other] +{ $count } más
}
