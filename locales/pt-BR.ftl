# Shoebox, português do Brasil. Mesmas chaves e variáveis de en.ftl.

## Counts and sizes

files = { $count ->
    [one] { $count } arquivo
   *[other] { $count } arquivos
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
eta-under-minute = menos de um minuto
eta-minutes = cerca de { $minutes } min
eta-hours = cerca de { $hours } h { $minutes } min

## The plan and the backup

plan-checking = Verificando o conteúdo de cada arquivo: { $checked } de { $total }. Os números acima ainda podem mudar um pouco.
plan-checked = { $total ->
    [one] O arquivo foi verificado.
   *[other] Todos os { $total } arquivos foram verificados.
}
continue-hint = Escolha ou arraste as mesmas pastas ou arquivos compactados de novo para continuar de onde parou. Os arquivos já enviados não são enviados outra vez.
continue-archives = Arquivos compactados para escolher de novo: { $names }
continue-detail = { $count ->
    [one] { $count } arquivo não terminou da última vez.
   *[other] { $count } arquivos não terminaram da última vez.
} { continue-hint }
more-folders = { $count ->
    [one] e mais { $count } pasta
   *[other] e mais { $count } pastas
}
more-in-csv = e mais { $count } no arquivo CSV
bytes-of = { $done } de { $total }
files-of = { $total ->
    [one] { $done } de { $total } arquivo
   *[other] { $done } de { $total } arquivos
}
status-looking = Analisando suas pastas ({ $found } encontrados)
status-ready-to-back-up = { $count ->
    [one] Pronto para fazer backup de { $count } foto ou vídeo
   *[other] Pronto para fazer backup de { $count } fotos e vídeos
}
status-backing-up = Fazendo backup: { $done } de { $total }
backing-up-left = faltam { $size }
backing-up-left-eta = faltam { $size }, { $eta }
complete-uploaded = { $count ->
    [one] { $count } enviado
   *[other] { $count } enviados
}
complete-already = { $count ->
    [one] { $count } já tinha backup
   *[other] { $count } já tinham backup
}
complete-skipped = { $count ->
    [one] { $count } ignorado
   *[other] { $count } ignorados
}
complete-failed = { $count } com falha
skipped-line = { $count ->
    [one] Uma foto ou um vídeo foi ignorado — veja por quê
   *[other] { $count } fotos ou vídeos foram ignorados — veja por quê
}
plan-totals = { $photos ->
    [one] { $photos } foto
   *[other] { $photos } fotos
}, { $videos ->
    [one] { $videos } vídeo
   *[other] { $videos } vídeos
}, { $downsize } para reduzir, { $skipped } ignorados
folder-meta = { files } · { $size }
folder-meta-reading = { files } · lendo os tamanhos ({ $size } até agora)
plan-size-line = { files } para o backup, { $size }
plan-size-skipped = { $skipped } ignorados
plan-size-not-chosen = { $notchosen } não escolhidos
page-line = Nesta página: { $batches ->
    [one] { $batches } backup
   *[other] { $batches } backups
}, { files } — { $parts }
page-uploaded = { $uploaded ->
    [one] { $uploaded } enviado ({ $size })
   *[other] { $uploaded } enviados ({ $size })
}
page-already = { $already ->
    [one] { $already } já tinha backup
   *[other] { $already } já tinham backup
}
page-skipped = { $skipped ->
    [one] { $skipped } ignorado
   *[other] { $skipped } ignorados
}
page-failed = { $failed } com falha
phase-uploading = enviando { $percent }%
phase-retrying = nova tentativa em { $seconds } s

## A file's outcome

outcome-uploaded = enviado
outcome-uploaded-note = enviado ({ $note })
outcome-already = já tinha backup
outcome-skipped = ignorado: { $reason }
outcome-failed = falhou: { $reason }
skip-not-media = não é foto nem vídeo
skip-empty-file = arquivo vazio
skip-system-file = arquivo do sistema
skip-over-size-limit = acima do tamanho máximo
skip-over-pixel-limit = acima do limite de pixels
skip-under-minimum-size = abaixo do tamanho mínimo
note-unreadable-sent-original = não foi possível ler, enviado como original
note-kept-original = original mantido
note-downsized = reduzida para 16 MP

## Why something failed

fail-timeout = a solicitação demorou demais
fail-stalled = a conexão travou
fail-aborted = a solicitação foi interrompida
fail-connection = erro de rede: a conexão falhou
fail-network = erro de rede: { $detail }
fail-server-answered = o servidor respondeu { $status }
fail-server-said = o servidor respondeu { $status }: { $reason }
fail-no-location = o servidor respondeu à criação sem Location
fail-no-offset = o servidor respondeu ao HEAD sem Upload-Offset
fail-gone = erro de rede: o arquivo não está mais disponível
fail-cancelled = cancelado
fail-unknown = desconhecido
fault-read-failed = não foi possível ler o arquivo: { $detail }
fault-malformed-job = tarefa malformada
fault-crashed = o worker travou: { $detail }
fault-not-started = os workers não conseguiram iniciar
fault-not-started-detail = os workers não conseguiram iniciar: { $detail }
fault-not-sent = postMessage falhou: { $detail }
fault-dropped = o grupo de workers perdeu a tarefa
fault-unexpected-reply = o worker deu uma resposta inesperada
fault-malformed-digest = o worker deu um resumo malformado
fault-no-blob = não foi possível criar o blob
fault-no-codecs = este worker não tem codecs de fotos
fault-thumbnail = a miniatura falhou: { $detail }
fault-inflate-corrupt = seus dados no arquivo compactado estão danificados e não podem ser extraídos
fault-inflate-sizes = depois de extraído, não tem o tamanho que o arquivo compactado informa (danificado, ou uma bomba zip)
fault-inflate-crc = os dados extraídos não correspondem à soma de verificação do arquivo compactado: ele está danificado
api-bad-request = a solicitação não era válida
api-unauthorized = este dispositivo não fez login
api-forbidden = este dispositivo não tem permissão para isso
api-not-found = esse envio ou arquivo não existe
api-gone = o envio expirou
api-offset-conflict = o servidor tem outra parte deste arquivo
api-locked = outra solicitação está gravando neste envio
api-unsupported-version = o servidor usa outra versão do protocolo de envio
api-unsupported-media-type = o servidor não aceitou a forma como o arquivo foi enviado
api-too-large = o arquivo é maior do que o servidor aceita
api-over-kiosk-limit = o arquivo é maior do que este quiosque aceita
api-digest-mismatch = os dados recebidos pelo servidor não batem com o arquivo
api-checksum-mismatch = uma parte do arquivo chegou danificada
api-storage-full = o armazenamento do servidor está cheio
api-quota-full = seu armazenamento está cheio
api-kiosk-full = este quiosque não pode receber mais nada agora
api-rate-limited = tentativas demais; espere alguns minutos e tente de novo
api-read-only = o servidor não pode salvar arquivos agora; nada foi perdido, tente mais tarde
api-stored-mismatch = o servidor salvou o arquivo com erro; ele será enviado de novo
api-album-exists = já existe um álbum com esse nome
api-album-live-visit = este álbum recebe as fotos de uma visita ao quiosque ainda em andamento
api-internal = erro interno do servidor
api-unknown = o servidor recusou

## Devices and signing in

pair-title = Fazer login na sua conta em “{ $name }”?
pair-title-upload = { $hours ->
    [one] Permitir que “{ $name }” envie para a sua conta por { $hours } hora?
   *[other] Permitir que “{ $name }” envie para a sua conta por { $hours } horas?
}
pair-body = Esse dispositivo vai ver suas fotos e fazer backup delas.
pair-body-upload-only = Esse dispositivo não vai poder ver suas fotos.
storage-line = Armazenamento: { $used } usados
storage-line-quota = Armazenamento: { $used } usados de { $quota }
device-chromebook = Chromebook
device-windows = PC com Windows
device-mac = Mac
device-android = Celular Android
device-iphone = iPhone ou iPad
device-linux = Computador com Linux
device-browser = Um navegador

## Kiosk and Back up & sync

kiosk-done = { $count ->
    [one] Pronto — { $count } foto salva. Você já pode retirar seu cartão.
   *[other] Pronto — { $count } fotos salvas. Você já pode retirar seu cartão.
}
kiosk-finishing = Encerrando em { $seconds } s — toque para continuar
kiosk-drop = Suas fotos estão em “{ $drop }”. Seu código: { $code }
sync-never = backup ainda incompleto
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · último backup completo { $time }
last-backup = Último backup: { $time }

## Library

library-items = { $count ->
    [one] { $count } item
   *[other] { $count } itens
}
library-totals = { library-items } · { $size } · { $used } usados no servidor
library-totals-quota = { library-items } · { $size } · { $used } usados de { $quota }
library-selected = { $count ->
    [one] { $count } selecionado
   *[other] { $count } selecionados
}
library-confirm-trash-title = Mover { library-items } para a lixeira?
library-confirm-trash-body = { $count ->
    [one] Ele fica guardado por 30 dias e pode ser restaurado até lá.
   *[other] Eles ficam guardados por 30 dias e podem ser restaurados até lá.
} Nada é excluído neste dispositivo.
library-moved-to-trash = { $count ->
    [one] { library-items } movido para a lixeira.
   *[other] { library-items } movidos para a lixeira.
}
library-restored = { $count ->
    [one] { library-items } restaurado.
   *[other] { library-items } restaurados.
}
library-album-line = { library-items } · { $size }
library-select-item = Selecionar { $name }
library-open-item = { $name }, { $day }
library-position = { $n } de { $total }

## Fixed words

app-name = Shoebox
tagline = Faça backup das suas fotos e vídeos. Sem instalar nada.
page-title = Shoebox · Backup das suas fotos e vídeos
drop-hint = Arraste pastas ou fotos para qualquer lugar desta página
drop-active = Solte para incluir no seu backup
choose-folders = Escolher pastas
choose-files = Escolher arquivos
add-more = Adicionar mais pastas
back-up = Fazer backup
pause = Pausar
resume = Retomar
continue = Continuar
continue-remembered = Para continuar, estes são lidos de novo:
retry-failed = Tentar de novo os que falharam
cancel = Cancelar
retry = Tentar de novo
settings = Configurações
download-csv = Baixar a lista (CSV)
empty-title = Nada escolhido ainda
empty-body = Escolha as pastas com suas fotos e vídeos, ou arraste-as para cá. O Shoebox olha tudo primeiro e mostra o que vai entrar no backup antes de enviar qualquer coisa.
plan-title = O que vai entrar no backup
files-title = Arquivos
overall-progress = Progresso geral
skipped-title = Arquivos ignorados e por quê
leave-warning = Seu backup ainda está em andamento. Se você sair, ele continua de onde parou na próxima vez.
done-notification = Seu backup terminou
file-unreadable = Não foi possível abrir este arquivo. Ele pode ter sido movido ou excluído, ou ainda estar sendo baixado.
plan-hint = Confira as pastas abaixo e toque em “Fazer backup”. Nada é enviado antes disso.
paused-hint = Nada está sendo enviado. Toque em “Retomar” para continuar de onde parou.
offline-hint = Este dispositivo está sem conexão. O backup continua sozinho quando a conexão voltar.
wifi-hint = Você pediu backup só no Wi-Fi, e esta conexão usa dados móveis. O backup continua no Wi-Fi.
sign-in-hint = O servidor não aceitou este dispositivo. Toque em “Fazer login neste dispositivo” abaixo e aprove em um dispositivo que já fez login, ou abra de novo o link que você recebeu.
set-quality = Tamanho do envio
set-quality-original = Original
set-quality-high = Alta qualidade (até 16 MP)
set-limits = Limites
set-limits-server = Os do servidor
set-limits-seed = Clássico (75 MB, fotos de até 100 MP)
set-limits-google = Google Fotos (200 MB, 200 MP, no mínimo 256 px)
set-destination = Destino (endereço tus; vazio é este servidor)
set-token = Chave de acesso
set-wifi-only = Fazer backup só no Wi-Fi
set-parallel = Envios ao mesmo tempo
set-album = Álbuns
set-album-folder = Um álbum por pasta principal
set-album-folders = Um álbum por pasta, incluindo subpastas
set-album-none = Sem álbuns
set-album-named = Tudo em um álbum chamado…
set-album-name = Nome do álbum
set-language = Idioma
set-language-hint = Fica salvo neste dispositivo.
set-backup = Backup
set-storage = Armazenamento
set-advanced = Avançado
set-advanced-hint = Para onde vão os envios e quantos acontecem ao mesmo tempo. Só altere essas configurações se alguém pediu.
filter-group = Mostrar
filter-all = Todos
filter-pending = Em andamento
filter-uploaded = Enviados
filter-already = Já tinham backup
filter-skipped = Ignorados
filter-failed = Com falha
file-list = Lista de arquivos
folders = Pastas
loose-files = (arquivos soltos)
set-strip-location = Remover a localização das fotos
status-ready = Pronto
status-continue = Continue seu backup
status-sign-in = É necessário fazer login
status-offline = Aguardando conexão
status-wifi = Aguardando Wi-Fi
status-paused = Backup pausado
status-charge = Aguardando carregamento
status-backup-off = Backup desativado
status-storage-full = Seu armazenamento está cheio
devices-title = Dispositivos e armazenamento
sign-in-this = Fazer login neste dispositivo
sign-in-how = Em um dispositivo que já fez login no Shoebox, escaneie este código, ou abra “Dispositivos e armazenamento” lá e digite-o:
sign-in-failed = O Shoebox não conseguiu iniciar o login. Verifique a conexão e tente de novo.
sign-in-expired = O código de login expirou. Toque em “Fazer login neste dispositivo” para receber um novo.
sign-in-link-used = Este link de login já foi usado ou expirou. Peça um novo, ou toque em “Fazer login neste dispositivo”.
pair-enter = Fazer login em um novo dispositivo: o código dele
pair-look-up = Continuar
pair-approve = Aprovar
pair-cancel = Cancelar
pair-approved = Aprovado. O outro dispositivo já fez login.
pair-unknown = Esse código é desconhecido, já foi usado ou expirou.
pair-too-many = Códigos demais tentados. Espere alguns minutos e tente de novo.
device-revoke = Desconectar
device-upload-only = só envio
storage-full-hint = O servidor não tem mais espaço para suas fotos. Libere espaço ou peça uma cota maior; toque em “Retomar” para tentar de novo (o Shoebox também tenta sozinho a cada poucos minutos).
charge-hint = Você pediu backup só enquanto carrega. O backup continua sozinho quando este dispositivo estiver na tomada.
backup-off-hint = O backup das suas pastas está desativado. Ative “Backup e sincronização” para fazer backup de fotos e vídeos novos assim que chegarem.
turn-on = Ativar
updated-note = O Shoebox foi atualizado para a versão mais recente.
shared-album = Compartilhado
kiosk-choose = Escolha ou arraste suas fotos
kiosk-choose-files = Escolher fotos avulsas
kiosk-drop-hint = Coloque seu cartão de memória ou pen drive e escolha a pasta dele — ou arraste fotos para qualquer lugar desta tela.
kiosk-starting = Preparando…
kiosk-finish = Concluir
kiosk-phone = Enviar pelo celular
kiosk-own = Para a sua própria conta do Shoebox
kiosk-own-how = No celular em que você fez login no Shoebox, escaneie este código e aprove. O quiosque então envia para a sua conta por uma hora, sem poder ver suas fotos.
kiosk-own-line = Suas fotos vão para a sua própria conta do Shoebox.
kiosk-phone-hint = Escaneie este código com a câmera do celular, ou abra o link nele. Vale só para esta visita.
kiosk-arrived = Já recebidos
phone-link-ended = Este link terminou junto com a visita a que pertencia. Peça um novo no quiosque.
kiosk-keep = Terminar meus envios mesmo se eu sair
kiosk-unavailable = Este quiosque não consegue se conectar ao servidor agora. Por favor, peça ajuda no balcão.
kiosk-wrong-key = O servidor não aceita a chave deste quiosque, então ninguém consegue enviar. Por favor, peça ajuda no balcão. (Para o responsável: confira a chave no endereço desta tela.)
kiosk-nothing-kept = Nada fica guardado nesta tela: quando você terminar, ela esquece suas fotos.
sync-title = Backup e sincronização
sync-switch = Backup e sincronização
sync-hint = Mantém o backup das suas pastas em dia enquanto o Shoebox está aberto, incluindo fotos e vídeos novos. Excluir uma foto aqui nunca exclui o backup dela.
sync-add = Adicionar uma pasta de backup
sync-remove = Remover
sync-allow = Permitir acesso às suas pastas de backup
sync-allow-why = Depois de reiniciar, o navegador pergunta de novo antes de o Shoebox poder ler suas pastas de backup.
sync-charging-only = Fazer backup só enquanto carrega
sync-charging-unavailable = Fazer backup só enquanto carrega (este navegador não sabe dizer se o dispositivo está carregando)
sync-no-picker = Este navegador não consegue guardar pastas. Use Chromium, Chrome ou Edge, no ChromeOS ou em um computador.
status-complete = Backup concluído
phase-waiting = aguardando
phase-inspecting = analisando
phase-ready = pronto
phase-hashing = calculando resumo
phase-checking = verificando
phase-preparing = reduzindo
phase-paused = pausado
phase-not-chosen = não escolhido
library-nav-backup = Backup
library-nav-library = Biblioteca
library-nav-label = Shoebox
library-timeline = Fotos
library-albums = Álbuns
library-trash = Lixeira
library-views-label = Visualizações da biblioteca
library-search = Pesquisar
library-search-hint = Nome do arquivo ou álbum
library-from = De
library-to = Até
library-clear-filters = Limpar filtros
library-filter-label = Mostrar
library-kind-all = Todos
library-kind-photos = Fotos
library-kind-videos = Vídeos
library-kind-downsized = Reduzidas
library-kind-originals = Originais
library-loading = Carregando sua biblioteca…
library-unavailable = Este servidor não tem biblioteca para mostrar, ou este dispositivo só pode enviar. Entre com uma conta completa para ver o que tem backup.
library-failed = Não foi possível carregar a biblioteca. Verifique a conexão e tente de novo.
library-retry = Tentar de novo
library-empty = Nenhum backup ainda. As fotos e os vídeos de que você fizer backup aparecem aqui.
library-no-match = Nada corresponde a esses filtros.
library-trash-empty = A lixeira está vazia.
library-trash-note = Até lá eles continuam contando como já tendo backup, então uma sincronização ou a mesma pasta arrastada de novo não os envia outra vez: restaure-os para vê-los na sua biblioteca. Nada é excluído dos seus dispositivos.
library-scrubber = Ir para um mês
library-grid-label = Suas fotos e vídeos
library-select = Selecionar
library-move-to-trash = Mover para a lixeira
library-restore = Restaurar
library-clear-selection = Limpar seleção
library-confirm = Mover para a lixeira
library-cancel = Cancelar
library-action-failed = Não deu certo: o servidor não respondeu. Nada foi alterado.
library-no-album = Sem álbum
library-download = Baixar
library-add-to-album = Adicionar ao álbum
library-new-album = Novo álbum
library-add = Adicionar
library-your-albums = Seus álbuns
library-rename = Renomear
library-album-name = Nome do álbum
library-save = Salvar
library-download-all = Baixar tudo
library-all-albums = Todos os álbuns
library-selection-label = Seleção
library-added-to-album = { $count ->
    [one] { library-items } adicionado ao álbum.
   *[other] { library-items } adicionados ao álbum.
}
library-album-renamed = Álbum renomeado.
library-album-exists = Você já tem um álbum com esse nome.
library-album-name-refused = O nome do álbum é obrigatório, sem caracteres de controle e com no máximo 1024 bytes.
library-album-missing = Não há nenhum álbum chamado “{ $name }” na sua biblioteca.
library-album-live-visit = Uma visita ao quiosque ainda em andamento salva as fotos neste álbum. Você poderá alterá-lo quando a visita terminar.
library-choose-album-title = Adicionar { library-items } a um álbum
library-album-facts-range = { library-items } · de { $from } a { $to }
library-album-facts-day = { library-items } · em { $day }
library-no-albums = Nenhum álbum ainda. As pastas de que você fizer backup viram álbuns.
library-close = Fechar
library-previous = Anterior
library-next = Próxima
library-zoom = Ampliar
library-fit = Ajustar à janela
library-download-original = Baixar o original
library-download-copy = Baixar
library-downsized-note = Esta é a cópia reduzida (alta qualidade). O original não foi enviado, então esta é a melhor cópia que existe.
library-details = Detalhes
library-no-thumb = Sem prévia
library-d-name = Nome
library-d-folder = Pasta
library-d-album = Álbum
library-d-taken = Tirada em
library-d-size = Tamanho
library-d-pixels = Pixels
library-d-camera = Câmera
library-d-place = Local
library-d-quality = Qualidade
library-q-downsized = Reduzida para 16 MP (alta qualidade)
library-q-original = Original
library-video = Vídeo
library-video-unplayable = Este vídeo não pode ser reproduzido neste navegador (o formato dele precisa de um hardware que este dispositivo não tem). Baixe o original para assistir.
library-motion = Live
library-play-motion = Reproduzir movimento
library-trashed = Na lixeira
library-download-motion = Baixar o clipe em movimento
library-download-sidecar = Baixar { $filename }

choose-photos = Escolher fotos
take-photo = Tirar uma foto
phone-choose = Enviar fotos deste celular
phone-hint = Escolha as fotos e os vídeos deste celular para enviar. Eles entram nesta visita ao quiosque, junto com tudo o que você trouxer.
kiosk-photos = { $count ->
    [one] { $count } foto
   *[other] { $count } fotos
}
kiosk-images = { $count ->
    [one] { $count } imagem
   *[other] { $count } imagens
}
kiosk-videos = { $count ->
    [one] { $count } vídeo
   *[other] { $count } vídeos
}
kiosk-files = { $count ->
    [one] { $count } arquivo
   *[other] { $count } arquivos
}
kiosk-done-kinds = Pronto: você salvou { $kinds }.
kiosk-done-nothing = Pronto: nada novo foi salvo.
kiosk-done-card = { $done } Você já pode retirar seu cartão.
list-more = { $first }, { $next }
list-last = { $rest } e { $last }
kiosk-reset-in = Esta tela recomeça em { $seconds } s
skipped-media = { $count ->
    [one] { $count } foto ou vídeo ignorado
   *[other] { $count } fotos ou vídeos ignorados
}
skipped-ignored = { $count ->
    [one] { $count } outro arquivo deixado de lado
   *[other] { $count } outros arquivos deixados de lado
}
skipped-see-why = { $what } — veja por quê
library-trash-kept = Os itens da lixeira são excluídos do servidor para sempre { $days ->
    [one] { $days } dia
   *[other] { $days } dias
} depois de irem para lá. { $rest }
library-trash-kept-unknown = Os itens da lixeira são excluídos do servidor para sempre depois de algum tempo. { $rest }
library-days-left = { $days ->
    [one] Falta { $days } dia
   *[other] Faltam { $days } dias
}
library-deleted-soon = Será excluído em breve
library-emptied = { $count ->
    [one] { $count } item excluído para sempre.
   *[other] { $count } itens excluídos para sempre.
}
library-restore-all = Restaurar tudo
library-empty-trash = Esvaziar a lixeira
library-empty-trash-yes = Excluir para sempre
library-empty-trash-title = Esvaziar a lixeira?
library-empty-trash-body = Tudo o que está na lixeira é excluído do servidor para sempre, agora. Isso não pode ser desfeito. Nada é excluído dos seus dispositivos.
library-undo = Desfazer
library-visits-heading = Visitas de hoje ao quiosque
library-visit-code = Código { $code }
library-visit-span = das { $start } às { $end }
library-visit-live = Em andamento
library-visit-empty = Nada salvo ainda

# Google Takeout import
takeout-summary = Exportação do Google Fotos: { $photos ->
    [one] { $photos } foto
   *[other] { $photos } fotos
}, { $videos ->
    [one] { $videos } vídeo
   *[other] { $videos } vídeos
}, { $albums ->
    [one] { $albums } álbum
   *[other] { $albums } álbuns
}; { $dates ->
    [one] { $dates } data
   *[other] { $dates } datas
} e { $places ->
    [one] { $places } local
   *[other] { $places } locais
} do Google; { $without ->
    [one] { $without } item
   *[other] { $without } itens
} sem arquivo complementar
takeout-reading = Lendo as descrições da exportação: faltam { $count }.
takeout-notes-title = Itens da exportação sem correspondência ou não usados
takeout-note-no-sidecar = Sem arquivo complementar: mantém a própria data e o próprio local
takeout-note-sidecar-unused = Arquivo complementar sem sua foto ou vídeo
takeout-note-not-kept = Não foi guardado para um arquivo posterior (este navegador já guarda 100.000 arquivos assim): escolha-o junto com o arquivo compactado que contém o par
takeout-note-not-json = O arquivo complementar não é um JSON legível
takeout-note-bad-date = Não foi possível usar a data do arquivo complementar
takeout-note-bad-place = Não foi possível usar o local do arquivo complementar
takeout-note-bad-value = Não foi possível usar um valor do arquivo complementar
takeout-note-description-cut = Descrição longa demais: truncada
takeout-note-albums-dropped = Alguns nomes de álbum eram longos demais: omitidos
takeout-note-place-stripped = Local omitido (“Remover a localização das fotos”)
takeout-parts = { $count ->
    [one] Parte { $parts } do arquivo.
   *[other] Partes { $parts } do arquivo.
}
takeout-parts-missing = { $count ->
    [one] Falta a parte { $parts }.
   *[other] Faltam as partes { $parts }.
}
takeout-note-tar = Uma exportação .tgz ou .tar: descompacte primeiro e depois escolha a pasta
takeout-note-not-zip = Não é um arquivo .zip
takeout-note-truncated = O arquivo está incompleto (um download interrompido?)
takeout-note-corrupt = O arquivo está danificado e não pode ser lido
takeout-note-encrypted = Criptografado: não importado
takeout-note-outside = O caminho aponta para fora do arquivo: não importado
takeout-note-method = Compactado com um método ilegível: não importado
takeout-note-sizes = Tamanhos informados incoerentes: não importado

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }, acima do limite de { $limit }
skip-over-server-limit = { $size }, acima do limite do servidor
skip-over-pixel-limit-of = { $pixels }, acima do limite de { $limit }
skip-under-minimum-size-of = { $side } no lado menor, abaixo do mínimo de { $minimum }
size-mp = { $value } MP
size-px = { $value } px
csv-path = caminho
csv-reason = motivo
skipped-dismiss = Ocultar

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = Backup ativado
sync-busy = Fazendo backup
sync-add-prompt = Adicione uma pasta para fazer backup: enquanto o Shoebox estiver aberto, ele faz backup das fotos e vídeos novos dela.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = Nada de novo para fazer backup
complete-open-library = Ver na sua biblioteca

# The file list: finished batches folded into one line
earlier-batches = Backups anteriores nesta página: { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox — backup de fotos e vídeos
manifest-short-name = Shoebox
manifest-description = Faça backup das fotos e vídeos deste dispositivo, com pastas sincronizadas e nada mais para instalar.
manifest-shot-running = Um backup em andamento
manifest-shot-plan = O plano antes de qualquer envio
library-remove-from-album = Remover do álbum
library-removed-from-album = { $count ->
    [one] { library-items } removido do álbum.
   *[other] { library-items } removidos do álbum.
}
plan-album-named = Tudo em “{ $name }”
plan-albums-none = Sem álbuns: tudo vai só para a biblioteca.
plan-albums-count = { $count ->
    [one] Será criado { $count } álbum:
   *[other] Serão criados { $count } álbuns:
}
plan-albums-more = { $count ->
    [one] +{ $count } outro
   *[other] +{ $count } outros
}
