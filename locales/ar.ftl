# Shoebox، العربية. المفاتيح والمتغيرات كما في en.ftl. صيغ العدد: zero / one / two / few / many / other.

## Counts and sizes

files = { $count ->
    [zero] لا ملفات
    [one] ملف واحد
    [two] ملفان
    [few] { $count } ملفات
    [many] { $count } ملفًا
   *[other] { $count } ملف
}
list-separator = {"، "}
size-bytes = { $count ->
    [zero] { $count } بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $count } بايتات
    [many] { $count } بايتًا
   *[other] { $count } بايت
}
size-kb = { $value } كيلوبايت
size-mb = { $value } ميغابايت
size-gb = { $value } غيغابايت
size-tb = { $value } تيرابايت
speed = { $size }/ث
eta-under-minute = أقل من دقيقة
eta-minutes = نحو { $minutes } دقيقة
eta-hours = نحو { $hours } ساعة و{ $minutes } دقيقة

## The plan and the backup

plan-checking = جارٍ فحص محتوى كل ملف: { $checked } من { $total }. قد تتغير الأرقام أعلاه قليلًا.
plan-checked = { $total ->
    [one] تم فحص الملف.
    [two] تم فحص الملفين.
   *[other] تم فحص جميع الملفات ({ $total }).
}
continue-hint = اختر المجلدات أو الأرشيفات نفسها أو أفلتها هنا مرة أخرى للمتابعة من حيث توقفت. لن تُرسل الملفات التي أُرسلت من قبل مرة ثانية.
continue-archives = الأرشيفات التي يجب اختيارها مرة أخرى: ⁨{ $names }⁩
continue-detail = { $count ->
    [one] لم يكتمل ملف واحد في المرة السابقة.
    [two] لم يكتمل ملفان في المرة السابقة.
    [few] لم تكتمل { $count } ملفات في المرة السابقة.
    [many] لم يكتمل { $count } ملفًا في المرة السابقة.
   *[other] لم يكتمل { $count } ملف في المرة السابقة.
} { continue-hint }
more-folders = { $count ->
    [one] ومجلد آخر
    [two] ومجلدان آخران
    [few] و{ $count } مجلدات أخرى
    [many] و{ $count } مجلدًا آخر
   *[other] و{ $count } مجلد آخر
}
more-in-csv = و{ $count } أخرى في ملف CSV
bytes-of = { $done } من { $total }
files-of = { $total ->
    [one] { $done } من ملف واحد
    [two] { $done } من ملفين
    [few] { $done } من { $total } ملفات
    [many] { $done } من { $total } ملفًا
   *[other] { $done } من { $total } ملف
}
status-looking = جارٍ البحث في مجلداتك (تم العثور على { $found })
status-ready-to-back-up = { $count ->
    [one] جاهز لنسخ صورة أو فيديو واحد احتياطيًا
    [two] جاهز لنسخ صورتين أو فيديوهين احتياطيًا
    [few] جاهز لنسخ { $count } صور وفيديوهات احتياطيًا
    [many] جاهز لنسخ { $count } صورة وفيديو احتياطيًا
   *[other] جاهز لنسخ { $count } صورة وفيديو احتياطيًا
}
status-backing-up = جارٍ النسخ الاحتياطي: { $done } من { $total }
backing-up-left = متبقٍ { $size }
backing-up-left-eta = متبقٍ { $size }، { $eta }
complete-uploaded = { $count ->
    [one] تم رفع ملف واحد
    [two] تم رفع ملفين
    [few] تم رفع { $count } ملفات
    [many] تم رفع { $count } ملفًا
   *[other] تم رفع { $count } ملف
}
complete-already = { $count ->
    [one] سبق نسخ ملف واحد احتياطيًا
    [two] سبق نسخ ملفين احتياطيًا
    [few] سبق نسخ { $count } ملفات احتياطيًا
    [many] سبق نسخ { $count } ملفًا احتياطيًا
   *[other] سبق نسخ { $count } ملف احتياطيًا
}
complete-skipped = { $count ->
    [one] تم تخطي ملف واحد
    [two] تم تخطي ملفين
    [few] تم تخطي { $count } ملفات
    [many] تم تخطي { $count } ملفًا
   *[other] تم تخطي { $count } ملف
}
complete-failed = { $count ->
    [one] تعذّر رفع ملف واحد
    [two] تعذّر رفع ملفين
    [few] تعذّر رفع { $count } ملفات
    [many] تعذّر رفع { $count } ملفًا
   *[other] تعذّر رفع { $count } ملف
}
skipped-line = { $count ->
    [one] تم تخطي صورة أو فيديو واحد — اعرف السبب
    [two] تم تخطي صورتين أو فيديوهين — اعرف السبب
    [few] تم تخطي { $count } صور أو فيديوهات — اعرف السبب
    [many] تم تخطي { $count } صورة أو فيديو — اعرف السبب
   *[other] تم تخطي { $count } صورة أو فيديو — اعرف السبب
}
plan-totals = الصور: { $photos }، الفيديوهات: { $videos }، للتصغير: { $downsize }، تم تخطيها: { $skipped }
folder-meta = { files } · { $size }
folder-meta-reading = { files } · جارٍ قراءة الأحجام ({ $size } حتى الآن)
plan-size-line = للنسخ الاحتياطي: { files }، { $size }
plan-size-skipped = تم تخطي { $skipped }
plan-size-not-chosen = غير مختار: { $notchosen }
page-line = في هذه الصفحة: { $batches ->
    [one] نسخة احتياطية واحدة
    [two] نسختان احتياطيتان
    [few] { $batches } نسخ احتياطية
    [many] { $batches } نسخة احتياطية
   *[other] { $batches } نسخة احتياطية
}، { files } — { $parts }
page-uploaded = تم رفع { $uploaded } ({ $size })
page-already = سبق نسخ { $already } احتياطيًا
page-skipped = تم تخطي { $skipped }
page-failed = تعذّر رفع { $failed }
phase-uploading = جارٍ الرفع { $percent }٪
phase-retrying = إعادة المحاولة بعد { $seconds } ث

## A file's outcome

outcome-uploaded = تم الرفع
outcome-uploaded-note = تم الرفع ({ $note })
outcome-already = منسوخ احتياطيًا من قبل
outcome-skipped = تم التخطي: ⁨{ $reason }⁩
outcome-failed = فشل: ⁨{ $reason }⁩
skip-not-media = ليس صورة ولا فيديو
skip-empty-file = ملف فارغ
skip-system-file = ملف نظام
skip-over-size-limit = يتجاوز الحجم المسموح
skip-over-pixel-limit = يتجاوز عدد البكسلات المسموح
skip-under-minimum-size = أصغر من الحد الأدنى للحجم
note-unreadable-sent-original = تعذرت قراءته، فأُرسل الأصل
note-kept-original = تم الإبقاء على الأصل
note-downsized = صُغّر إلى 16 ميغابكسل

## Why something failed

fail-timeout = انتهت مهلة الطلب
fail-stalled = توقف الاتصال
fail-aborted = أُلغي الطلب
fail-connection = خطأ في الشبكة: فشل الاتصال
fail-network = خطأ في الشبكة: ⁨{ $detail }⁩
fail-server-answered = ردّ الخادم بـ ⁨{ $status }⁩
fail-server-said = ردّ الخادم بـ ⁨{ $status }⁩: ⁨{ $reason }⁩
fail-no-location = ردّ الخادم على الإنشاء دون Location
fail-no-offset = ردّ الخادم على HEAD دون Upload-Offset
fail-gone = خطأ في الشبكة: الملف لم يعد متاحًا
fail-cancelled = أُلغي
fail-unknown = غير معروف
fault-read-failed = تعذرت قراءة الملف: ⁨{ $detail }⁩
fault-malformed-job = مهمة غير صالحة
fault-crashed = تعطل العامل: ⁨{ $detail }⁩
fault-not-started = تعذر تشغيل العمّال
fault-not-started-detail = تعذر تشغيل العمّال: ⁨{ $detail }⁩
fault-not-sent = فشل postMessage: ⁨{ $detail }⁩
fault-dropped = فقدت مجموعة العمّال المهمة
fault-unexpected-reply = أعطى العامل ردًا غير متوقع
fault-malformed-digest = أعطى العامل بصمة غير صالحة
fault-no-blob = تعذر إنشاء Blob
fault-no-codecs = لا يحوي هذا العامل برامج ترميز الصور
fault-thumbnail = فشلت الصورة المصغرة: ⁨{ $detail }⁩
fault-inflate-corrupt = بياناته داخل الأرشيف تالفة ولا يمكن فك ضغطها
fault-inflate-sizes = حجمه بعد فك الضغط يختلف عمّا يذكره الأرشيف (تالف، أو قنبلة zip)
fault-inflate-crc = البيانات بعد فك الضغط لا تطابق المجموع الاختباري للأرشيف: الأرشيف تالف
api-bad-request = الطلب غير صالح
api-unauthorized = هذا الجهاز غير مسجَّل الدخول
api-forbidden = لا يُسمح لهذا الجهاز بذلك
api-not-found = لا يوجد رفع أو وسائط بهذا الاسم
api-gone = انتهت صلاحية الرفع
api-offset-conflict = لدى الخادم جزء آخر من هذا الملف
api-locked = طلب آخر يكتب في هذا الرفع الآن
api-unsupported-version = يستخدم الخادم إصدارًا آخر من بروتوكول الرفع
api-unsupported-media-type = لم يقبل الخادم طريقة إرسال الملف
api-too-large = الملف أكبر مما يقبله الخادم
api-over-kiosk-limit = الملف أكبر مما يقبله هذا الكشك
api-digest-mismatch = البيانات التي تلقاها الخادم لا تطابق الملف
api-checksum-mismatch = وصل جزء من الملف تالفًا
api-storage-full = مساحة تخزين الخادم ممتلئة
api-quota-full = مساحة التخزين لديك ممتلئة
api-kiosk-full = لا يستطيع هذا الكشك استقبال المزيد الآن
api-rate-limited = محاولات كثيرة جدًا؛ انتظر بضع دقائق ثم حاول مرة أخرى
api-read-only = لا يستطيع الخادم حفظ الملفات الآن؛ لم يضِع شيء، حاول لاحقًا
api-stored-mismatch = حفظ الخادم الملف بشكل خاطئ؛ سيُرسل مرة أخرى
api-album-exists = يوجد ألبوم بهذا الاسم بالفعل
api-album-live-visit = هذا الألبوم تُحفظ فيه صور زيارة للكشك لا تزال جارية
api-internal = خطأ داخلي في الخادم
api-unknown = رفض الخادم الطلب

## Devices and signing in

pair-title = هل تريد تسجيل دخول «⁨{ $name }⁩» إلى حسابك؟
pair-title-upload = { $hours ->
    [one] هل تسمح لـ«⁨{ $name }⁩» بالرفع إلى حسابك لمدة ساعة واحدة؟
    [two] هل تسمح لـ«⁨{ $name }⁩» بالرفع إلى حسابك لمدة ساعتين؟
    [few] هل تسمح لـ«⁨{ $name }⁩» بالرفع إلى حسابك لمدة { $hours } ساعات؟
   *[other] هل تسمح لـ«⁨{ $name }⁩» بالرفع إلى حسابك لمدة { $hours } ساعة؟
}
pair-body = سيتمكن هذا الجهاز من رؤية صورك ونسخها احتياطيًا.
pair-body-upload-only = لن يتمكن هذا الجهاز من رؤية صورك.
storage-line = مساحة التخزين: { $used } مستخدمة
storage-line-quota = مساحة التخزين: { $used } مستخدمة من { $quota }
device-chromebook = Chromebook
device-windows = حاسوب Windows
device-mac = Mac
device-android = هاتف Android
device-iphone = iPhone أو iPad
device-linux = حاسوب Linux
device-browser = متصفح

## Kiosk and Back up & sync

kiosk-done = { $count ->
    [one] تم — حُفظت صورة واحدة. يمكنك أخذ بطاقتك.
    [two] تم — حُفظت صورتان. يمكنك أخذ بطاقتك.
    [few] تم — حُفظت { $count } صور. يمكنك أخذ بطاقتك.
   *[other] تم — حُفظت { $count } صورة. يمكنك أخذ بطاقتك.
}
kiosk-finishing = الإنهاء خلال { $seconds } ث — المس الشاشة للبقاء
kiosk-drop = صورك في «⁨{ $drop }⁩». رمزك: ⁨{ $code }⁩
sync-never = لم يُنسخ احتياطيًا بالكامل بعد
sync-folder-line = { files } · { sync-never }
sync-folder-line-last = { files } · آخر نسخ احتياطي كامل { $time }
last-backup = آخر نسخ احتياطي: { $time }

## Library

library-items = { $count ->
    [zero] لا عناصر
    [one] عنصر واحد
    [two] عنصران
    [few] { $count } عناصر
    [many] { $count } عنصرًا
   *[other] { $count } عنصر
}
library-totals = { library-items } · { $size } · مستخدم { $used } على الخادم
library-totals-quota = { library-items } · { $size } · مستخدم { $used } من { $quota }
library-selected = تم تحديد { $count }
library-confirm-trash-title = { $count ->
    [two] هل تريد نقل عنصرين إلى المهملات؟
   *[other] هل تريد نقل { library-items } إلى المهملات؟
}
library-confirm-trash-body = تُحفظ 30 يومًا ويمكن استعادتها حتى ذلك الحين. لا يُحذف شيء من هذا الجهاز.
library-moved-to-trash = نُقل { library-items } إلى المهملات.
library-restored = { $count ->
    [two] تمت استعادة عنصرين.
   *[other] تمت استعادة { library-items }.
}
library-album-line = { library-items } · { $size }
library-select-item = تحديد ⁨{ $name }⁩
library-open-item = ⁨{ $name }⁩، { $day }
library-position = { $n } من { $total }

## Fixed words

app-name = Shoebox
tagline = انسخ صورك وفيديوهاتك احتياطيًا. دون تثبيت أي شيء.
page-title = Shoebox · نسخ احتياطي لصورك وفيديوهاتك
drop-hint = أفلت المجلدات أو الصور في أي مكان من هذه الصفحة
drop-active = أفلتها لإضافتها إلى نسختك الاحتياطية
choose-folders = اختيار مجلدات
choose-files = اختيار ملفات
add-more = إضافة مجلدات أخرى
back-up = نسخ احتياطي
pause = إيقاف مؤقت
resume = استئناف
continue = متابعة
continue-remembered = عند المتابعة تُقرأ هذه مرة أخرى:
retry-failed = إعادة محاولة ما فشل
cancel = إلغاء
retry = إعادة المحاولة
settings = الإعدادات
download-csv = تنزيل القائمة (CSV)
empty-title = لم تختر شيئًا بعد
empty-body = اختر المجلدات التي فيها صورك وفيديوهاتك، أو أفلتها هنا. يتصفحها Shoebox أولًا ويعرض لك ما سينسخه احتياطيًا قبل إرسال أي شيء.
plan-title = ما سيُنسخ احتياطيًا
files-title = الملفات
overall-progress = التقدم الكلي
skipped-title = الملفات التي تم تخطيها والسبب
leave-warning = ما زال النسخ الاحتياطي جاريًا. إذا غادرت، فسيتابع من حيث توقف في المرة القادمة.
done-notification = اكتمل النسخ الاحتياطي
file-unreadable = تعذر فتح هذا الملف. ربما نُقل أو حُذف، أو ما زال قيد التنزيل.
plan-hint = راجع المجلدات أدناه، ثم اضغط «نسخ احتياطي». لا يُرسل شيء قبل ذلك.
paused-hint = لا يُرسل شيء الآن. اضغط «استئناف» للمتابعة من حيث توقف.
offline-hint = هذا الجهاز غير متصل. سيتابع النسخ الاحتياطي وحده عند عودة الاتصال.
wifi-hint = طلبت النسخ الاحتياطي عبر Wi-Fi فقط، وهذا الاتصال يستخدم بيانات الجوال. سيتابع النسخ الاحتياطي عبر Wi-Fi.
sign-in-hint = لم يقبل الخادم هذا الجهاز. اضغط «تسجيل دخول هذا الجهاز» أدناه ووافق عليه من جهاز مسجَّل الدخول، أو افتح الرابط الذي أُعطي لك مرة أخرى.
set-quality = حجم الرفع
set-quality-original = الأصل
set-quality-high = جودة عالية (حتى 16 ميغابكسل)
set-limits = الحدود
set-limits-server = حدود الخادم
set-limits-seed = كلاسيكي (75 ميغابايت، صور حتى 100 ميغابكسل)
set-limits-google = صور Google (200 ميغابايت، 200 ميغابكسل، 256 بكسل على الأقل)
set-destination = الوجهة (عنوان tus؛ الفارغ يعني هذا الخادم)
set-token = مفتاح الوصول
set-wifi-only = النسخ الاحتياطي عبر Wi-Fi فقط
set-parallel = عمليات الرفع في وقت واحد
set-album = الألبومات
set-album-folder = ألبوم لكل مجلد رئيسي
set-album-folders = ألبوم لكل مجلد، بما في ذلك المجلدات الفرعية
set-album-none = بلا ألبومات
set-album-named = الكل في ألبوم واحد باسم…
set-album-name = اسم الألبوم
set-language = اللغة
set-language-hint = يُحفظ على هذا الجهاز.
set-backup = النسخ الاحتياطي
set-storage = مساحة التخزين
set-advanced = خيارات متقدمة
set-advanced-hint = إلى أين تذهب الملفات المرفوعة وكم منها يُرفع في الوقت نفسه. لا تغيّر هذه الإعدادات إلا إذا طُلب منك ذلك.
filter-group = عرض
filter-all = الكل
filter-pending = قيد التنفيذ
filter-uploaded = تم رفعها
filter-already = منسوخة من قبل
filter-skipped = تم تخطيها
filter-failed = فشلت
file-list = قائمة الملفات
folders = المجلدات
loose-files = (ملفات منفردة)
set-strip-location = إزالة الموقع من الصور
status-ready = جاهز
status-continue = تابع نسخك الاحتياطي
status-sign-in = يلزم تسجيل الدخول
status-offline = في انتظار الاتصال
status-wifi = في انتظار Wi-Fi
status-paused = النسخ الاحتياطي متوقف مؤقتًا
status-charge = في انتظار الشحن
status-backup-off = النسخ الاحتياطي غير مفعّل
status-storage-full = مساحة التخزين لديك ممتلئة
devices-title = الأجهزة ومساحة التخزين
sign-in-this = تسجيل دخول هذا الجهاز
sign-in-how = على جهاز مسجَّل الدخول إلى Shoebox، امسح هذا الرمز، أو افتح «الأجهزة ومساحة التخزين» هناك وأدخله:
sign-in-failed = تعذر على Shoebox بدء تسجيل الدخول. تحقق من الاتصال وحاول مرة أخرى.
sign-in-expired = انتهت صلاحية رمز تسجيل الدخول. اضغط «تسجيل دخول هذا الجهاز» للحصول على رمز جديد.
sign-in-link-used = استُخدم رابط تسجيل الدخول هذا من قبل أو انتهت صلاحيته. اطلب رابطًا جديدًا، أو اضغط «تسجيل دخول هذا الجهاز».
pair-enter = تسجيل دخول جهاز جديد: رمزه
pair-look-up = متابعة
pair-approve = موافقة
pair-cancel = إلغاء
pair-approved = تمت الموافقة. الجهاز الآخر مسجَّل الدخول الآن.
pair-unknown = هذا الرمز غير معروف، أو استُخدم من قبل، أو انتهت صلاحيته.
pair-too-many = جُرّبت رموز كثيرة جدًا. انتظر بضع دقائق ثم حاول مرة أخرى.
device-revoke = تسجيل الخروج
device-upload-only = رفع فقط
storage-full-hint = لا توجد مساحة على الخادم لمزيد من صورك. أفرغ بعض المساحة أو اطلب حصة أكبر؛ اضغط «استئناف» لإعادة المحاولة (يعيد Shoebox المحاولة أيضًا كل بضع دقائق).
charge-hint = طلبت النسخ الاحتياطي أثناء الشحن فقط. سيتابع النسخ الاحتياطي وحده عند توصيل هذا الجهاز بالكهرباء.
backup-off-hint = مجلدات النسخ الاحتياطي لا تُنسخ الآن. شغّل «النسخ الاحتياطي والمزامنة» لنسخ الصور والفيديوهات الجديدة فور وصولها.
turn-on = تشغيل
updated-note = تم تحديث Shoebox إلى أحدث إصدار.
shared-album = مشترك
kiosk-choose = اختر صورك أو أفلتها هنا
kiosk-choose-files = اختيار صور منفردة
kiosk-drop-hint = أدخل بطاقة الذاكرة أو وحدة USB، ثم اختر مجلدها — أو أفلت الصور في أي مكان من هذه الشاشة.
kiosk-starting = جارٍ التجهيز…
kiosk-finish = إنهاء
kiosk-phone = الرفع من هاتفك
kiosk-own = إلى حسابك الخاص في Shoebox
kiosk-own-how = على هاتفك المسجَّل الدخول إلى Shoebox، امسح هذا الرمز ووافق. سيرفع هذا الكشك بعد ذلك إلى حسابك لمدة ساعة، ولن يتمكن من رؤية صورك.
kiosk-own-line = تذهب صورك إلى حسابك الخاص في Shoebox.
kiosk-phone-hint = امسح هذا الرمز بكاميرا هاتفك، أو افتح الرابط عليه. يعمل لهذه الزيارة فقط.
kiosk-arrived = ما تم استلامه
phone-link-ended = انتهى هذا الرابط بانتهاء الزيارة التي يخصها. اطلب رابطًا جديدًا من الكشك.
kiosk-keep = أكمل عمليات الرفع إذا غادرت
kiosk-unavailable = لا يستطيع هذا الكشك الوصول إلى خادمه الآن. يُرجى السؤال عند المكتب.
kiosk-wrong-key = لا يقبل الخادم مفتاح هذا الكشك، لذا لا يستطيع الزوار الرفع. يُرجى السؤال عند المكتب. (للمشغّل: تحقق من المفتاح في عنوان هذه الشاشة.)
kiosk-nothing-kept = لا يُحفظ شيء على هذه الشاشة: عندما تنتهي، تُمحى صورك منها.
sync-title = النسخ الاحتياطي والمزامنة
sync-switch = النسخ الاحتياطي والمزامنة
sync-hint = يُبقي مجلدات النسخ الاحتياطي منسوخة ما دام Shoebox مفتوحًا، بما فيها الصور والفيديوهات الجديدة. حذف صورة هنا لا يحذف نسختها الاحتياطية أبدًا.
sync-add = إضافة مجلد نسخ احتياطي
sync-remove = إزالة
sync-allow = السماح بالوصول إلى مجلدات النسخ الاحتياطي
sync-allow-why = بعد إعادة التشغيل، يسأل المتصفح مرة أخرى قبل أن يتمكن Shoebox من قراءة مجلدات النسخ الاحتياطي.
sync-charging-only = النسخ الاحتياطي أثناء الشحن فقط
sync-charging-unavailable = النسخ الاحتياطي أثناء الشحن فقط (لا يعرف هذا المتصفح إن كان الجهاز يُشحن)
sync-no-picker = لا يستطيع هذا المتصفح الاحتفاظ بالمجلدات. استخدم Chromium أو Chrome أو Edge على ChromeOS أو على حاسوب.
status-complete = اكتمل النسخ الاحتياطي
phase-waiting = في الانتظار
phase-inspecting = جارٍ الفحص
phase-ready = جاهز
phase-hashing = جارٍ حساب البصمة
phase-checking = جارٍ التحقق
phase-preparing = جارٍ التصغير
phase-paused = متوقف مؤقتًا
phase-not-chosen = غير مختار
library-nav-backup = نسخ احتياطي
library-nav-library = المكتبة
library-nav-label = Shoebox
library-timeline = الصور
library-albums = الألبومات
library-trash = المهملات
library-views-label = طرق عرض المكتبة
library-search = بحث
library-search-hint = اسم الملف أو الألبوم
library-from = من
library-to = إلى
library-clear-filters = مسح عوامل التصفية
library-filter-label = عرض
library-kind-all = الكل
library-kind-photos = الصور
library-kind-videos = الفيديوهات
library-kind-downsized = مصغّرة
library-kind-originals = الأصلية
library-loading = جارٍ تحميل مكتبتك…
library-unavailable = ليس لدى هذا الخادم مكتبة لعرضها، أو أن هذا الجهاز يستطيع الرفع فقط. سجّل الدخول بحساب كامل لترى ما نُسخ احتياطيًا.
library-failed = تعذر تحميل المكتبة. تحقق من الاتصال وحاول مرة أخرى.
library-retry = حاول مرة أخرى
library-empty = لم يُنسخ شيء احتياطيًا بعد. ستظهر هنا الصور والفيديوهات التي تنسخها.
library-no-match = لا شيء يطابق عوامل التصفية هذه.
library-trash-empty = المهملات فارغة.
library-trash-note = حتى ذلك الحين تُعد منسوخة احتياطيًا، فلا تعيد المزامنة أو إفلات المجلد نفسه رفعها: استعدها لتراها في مكتبتك. لا يُحذف أي شيء من أجهزتك أبدًا.
library-scrubber = الانتقال إلى شهر
library-grid-label = صورك وفيديوهاتك
library-select = تحديد
library-move-to-trash = نقل إلى المهملات
library-restore = استعادة
library-clear-selection = إلغاء التحديد
library-confirm = نقل إلى المهملات
library-cancel = إلغاء
library-action-failed = تعذّر إتمام العملية: لم يردّ الخادم. لم يتغير شيء.
library-no-album = ليس في ألبوم
library-download = تنزيل
library-add-to-album = إضافة إلى ألبوم
library-new-album = ألبوم جديد
library-add = إضافة
library-your-albums = ألبوماتك
library-rename = إعادة التسمية
library-album-name = اسم الألبوم
library-save = حفظ
library-download-all = تنزيل الكل
library-all-albums = كل الألبومات
library-selection-label = التحديد
library-added-to-album = أُضيف { library-items } إلى الألبوم.
library-album-renamed = أُعيدت تسمية الألبوم.
library-album-exists = لديك ألبوم بهذا الاسم بالفعل.
library-album-name-refused = يجب أن يكون للألبوم اسم بلا أحرف تحكم، لا يزيد طوله على 1024 بايت.
library-choose-album-title = { $count ->
    [two] إضافة عنصرين إلى ألبوم
   *[other] إضافة { library-items } إلى ألبوم
}
library-album-missing = لا يوجد في مكتبتك ألبوم باسم «⁨{ $name }⁩».
library-album-live-visit = هذا الألبوم تُحفظ فيه صور زيارة للكشك لا تزال جارية. يمكنك تغييره بعد انتهاء الزيارة.
library-album-facts-range = { library-items } · من { $from } إلى { $to }
library-album-facts-day = { library-items } · { $day }
library-no-albums = لا توجد ألبومات بعد. تصبح المجلدات التي تنسخها احتياطيًا ألبومات.
library-close = إغلاق
library-previous = السابق
library-next = التالي
library-zoom = تكبير
library-fit = ملاءمة النافذة
library-download-original = تنزيل الأصل
library-download-copy = تنزيل
library-downsized-note = هذه هي النسخة المصغّرة (جودة عالية). لم يُرفع الأصل، لذا فهذه أفضل نسخة موجودة.
library-details = التفاصيل
library-no-thumb = لا معاينة
library-d-name = الاسم
library-d-folder = المجلد
library-d-album = الألبوم
library-d-taken = تاريخ الالتقاط
library-d-size = الحجم
library-d-pixels = البكسلات
library-d-camera = الكاميرا
library-d-place = المكان
library-d-quality = الجودة
library-q-downsized = مصغّرة إلى 16 ميغابكسل (جودة عالية)
library-q-original = الأصل
library-video = فيديو
library-video-unplayable = لا يمكن تشغيل هذا الفيديو في هذا المتصفح (يحتاج تنسيقه إلى عتاد لا يوفره هذا الجهاز). نزّل الأصل لمشاهدته.
library-motion = مباشر
library-play-motion = تشغيل الحركة
library-trashed = في المهملات
library-download-motion = تنزيل مقطع الحركة
library-download-sidecar = تنزيل ⁨{ $filename }⁩

choose-photos = اختيار الصور
take-photo = التقاط صورة
phone-choose = إرسال الصور من هذا الهاتف
phone-hint = اختر الصور والفيديوهات التي تريد إرسالها من هذا الهاتف. ستُضاف إلى هذه الزيارة عند الكشك، مع كل ما تحضره معك.
kiosk-photos = { $count ->
    [zero] لا صور
    [one] صورة واحدة
    [two] صورتان
    [few] { $count } صور
    [many] { $count } صورة
   *[other] { $count } صورة
}
kiosk-images = { $count ->
    [zero] لا ملفات صور
    [one] ملف صورة واحد
    [two] ملفا صورة
    [few] { $count } ملفات صور
    [many] { $count } ملفًا من ملفات الصور
   *[other] { $count } ملف صورة
}
kiosk-videos = { $count ->
    [zero] لا فيديوهات
    [one] فيديو واحد
    [two] فيديوهان
    [few] { $count } فيديوهات
    [many] { $count } فيديو
   *[other] { $count } فيديو
}
kiosk-files = { $count ->
    [zero] لا ملفات
    [one] ملف واحد
    [two] ملفان
    [few] { $count } ملفات
    [many] { $count } ملفًا
   *[other] { $count } ملف
}
kiosk-done-kinds = تم — حُفظ: { $kinds }.
kiosk-done-nothing = تم — لم يُحفظ شيء جديد.
kiosk-done-card = { $done } يمكنك أخذ بطاقتك الآن.
list-more = { $first }، { $next }
list-last = { $rest } و{ $last }
kiosk-reset-in = ستبدأ هذه الشاشة من جديد بعد { $seconds } ث
skipped-media = { $count ->
    [zero] لم يتم تخطي أي صورة أو فيديو
    [one] تم تخطي صورة أو فيديو واحد
    [two] تم تخطي صورتين أو فيديوهين
    [few] تم تخطي { $count } صور أو فيديوهات
    [many] تم تخطي { $count } صورة أو فيديو
   *[other] تم تخطي { $count } صورة أو فيديو
}
skipped-ignored = { $count ->
    [zero] لم يتم تجاهل أي ملف آخر
    [one] تم تجاهل ملف آخر واحد
    [two] تم تجاهل ملفين آخرين
    [few] تم تجاهل { $count } ملفات أخرى
    [many] تم تجاهل { $count } ملفًا آخر
   *[other] تم تجاهل { $count } ملف آخر
}
skipped-see-why = { $what } — اعرف السبب
library-trash-kept = تُحذف العناصر الموجودة في المهملات من الخادم نهائيًا بعد { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} من نقلها إليها. { $rest }
library-trash-kept-unknown = تُحذف العناصر الموجودة في المهملات من الخادم نهائيًا بعد فترة. { $rest }
library-days-left = { $days ->
    [zero] لم يتبقَّ أي يوم
    [one] تبقّى يوم واحد
    [two] تبقّى يومان
    [few] تبقّت { $days } أيام
    [many] تبقّى { $days } يومًا
   *[other] تبقّى { $days } يوم
}
library-deleted-soon = سيُحذف قريبًا
library-emptied = { $count ->
    [zero] لم يُحذف أي عنصر.
    [one] حُذف عنصر واحد نهائيًا.
    [two] حُذف عنصران نهائيًا.
    [few] حُذفت { $count } عناصر نهائيًا.
    [many] حُذف { $count } عنصرًا نهائيًا.
   *[other] حُذف { $count } عنصر نهائيًا.
}
library-restore-all = استعادة الكل
library-empty-trash = إفراغ المهملات
library-empty-trash-yes = حذف نهائي
library-empty-trash-title = هل تريد إفراغ المهملات؟
library-empty-trash-body = سيُحذف كل ما في المهملات من الخادم نهائيًا الآن. لا يمكن التراجع عن ذلك. لن يُحذف أي شيء من أجهزتك.
library-undo = تراجع
library-visits-heading = زيارات الكشك اليوم
library-visit-code = الرمز ⁨{ $code }⁩
library-visit-span = من { $start } إلى { $end }
library-visit-live = جارية
library-visit-empty = لم يُحفظ شيء بعد

# Google Takeout import
takeout-summary = تصدير صور Google: { $photos ->
        [zero] لا صور
        [one] صورة واحدة
        [two] صورتان
        [few] { $photos } صور
        [many] { $photos } صورة
       *[other] { $photos } صورة
    }، { $videos ->
        [zero] لا فيديوهات
        [one] فيديو واحد
        [two] فيديوهان
        [few] { $videos } فيديوهات
        [many] { $videos } فيديو
       *[other] { $videos } فيديو
    }، { $albums ->
        [zero] لا ألبومات
        [one] ألبوم واحد
        [two] ألبومان
        [few] { $albums } ألبومات
        [many] { $albums } ألبومًا
       *[other] { $albums } ألبوم
    }؛ { $dates ->
        [zero] لا تواريخ
        [one] تاريخ واحد
        [two] تاريخان
        [few] { $dates } تواريخ
        [many] { $dates } تاريخًا
       *[other] { $dates } تاريخ
    } و{ $places ->
        [zero] لا أماكن
        [one] مكان واحد
        [two] مكانان
        [few] { $places } أماكن
        [many] { $places } مكانًا
       *[other] { $places } مكان
    } من Google؛ { $without ->
        [zero] لا عناصر
        [one] عنصر واحد
        [two] عنصران
        [few] { $without } عناصر
        [many] { $without } عنصرًا
       *[other] { $without } عنصر
    } بلا ملف مرافق
takeout-reading = جارٍ قراءة أوصاف التصدير: بقي { $count }.
takeout-notes-title = عناصر من التصدير لم تُطابَق أو لم تُستخدم
takeout-note-no-sidecar = لا ملف مرافق: يحتفظ بتاريخه ومكانه
takeout-note-sidecar-unused = ملف مرافق بلا صورة أو فيديو مطابق
takeout-note-not-kept = لم يُحتفظ به لأرشيف لاحق (يحتفظ هذا المتصفح بالفعل بـ 100,000 ملف كهذا): اختره مع الأرشيف الذي يحوي نظيره
takeout-note-not-json = الملف المرافق ليس JSON مقروءًا
takeout-note-bad-date = تعذّر استخدام التاريخ من الملف المرافق
takeout-note-bad-place = تعذّر استخدام المكان من الملف المرافق
takeout-note-bad-value = تعذّر استخدام إحدى قيم الملف المرافق
takeout-note-description-cut = الوصف طويل جدًا: تم اقتطاعه
takeout-note-albums-dropped = بعض أسماء الألبومات طويلة جدًا: حُذفت
takeout-note-place-stripped = حُذف المكان (الإعداد «إزالة الموقع من الصور»)
takeout-parts = { $count ->
    [one] جزء الأرشيف: ⁨{ $parts }⁩.
   *[other] أجزاء الأرشيف: ⁨{ $parts }⁩.
}
takeout-parts-missing = { $count ->
    [one] الجزء الناقص: ⁨{ $parts }⁩.
   *[other] الأجزاء الناقصة: ⁨{ $parts }⁩.
}
takeout-note-tar = تصدير بصيغة ‎.tgz أو ‎.tar: فكّ ضغطه أولًا ثم اختر المجلد
takeout-note-not-zip = ليس أرشيف ‎.zip
takeout-note-truncated = الأرشيف ناقص (ربما لم يكتمل التنزيل؟)
takeout-note-corrupt = الأرشيف تالف ولا يمكن قراءته
takeout-note-encrypted = مشفّر: لم يُستورد
takeout-note-outside = مساره يشير إلى خارج الأرشيف: لم يُستورد
takeout-note-method = مضغوط بطريقة لا يمكن قراءتها: لم يُستورد
takeout-note-sizes = بيانات أحجامه غير منطقية: لم يُستورد

# Skip reasons with their figures, the skipped list's CSV header
skip-over-size-limit-of = { $size }، يتجاوز الحد البالغ { $limit }
skip-over-server-limit = { $size }، يتجاوز حد الخادم
skip-over-pixel-limit-of = { $pixels }، يتجاوز الحد البالغ { $limit }
skip-under-minimum-size-of = الضلع الأقصر { $side }، أقل من الحد الأدنى البالغ { $minimum }
size-mp = { $value } ميغابكسل
size-px = { $value } بكسل
csv-path = المسار
csv-reason = السبب
skipped-dismiss = إخفاء

# Back up & sync: what it is doing, and the prompt when no folder is chosen
sync-on = النسخ الاحتياطي مفعّل
sync-busy = جارٍ النسخ الاحتياطي
sync-add-prompt = أضف مجلدًا للنسخ الاحتياطي: ما دام Shoebox مفتوحًا فإنه ينسخ احتياطيًا ما يُضاف إليه من صور وفيديوهات جديدة.

# "Backup complete": nothing at all, and the way to the library
complete-nothing = لا يوجد شيء جديد لنسخه احتياطيًا
complete-open-library = شاهدها في مكتبتك

# The file list: finished batches folded into one line
earlier-batches = النسخ الاحتياطية السابقة في هذه الصفحة: { files }

# The web app manifest (the install prompt, the installed app)
manifest-name = Shoebox — نسخ احتياطي للصور والفيديوهات
manifest-short-name = Shoebox
manifest-description = انسخ صور هذا الجهاز وفيديوهاته احتياطيًا، مع مجلدات تبقى متزامنة، دون تثبيت أي شيء آخر.
manifest-shot-running = نسخ احتياطي جارٍ
manifest-shot-plan = الخطة قبل إرسال أي شيء
library-remove-from-album = إزالة من الألبوم
library-removed-from-album = أُزيل { library-items } من الألبوم.
plan-album-named = الكل في «⁨{ $name }⁩»
plan-albums-none = بلا ألبومات: يذهب كل شيء إلى المكتبة فقط.
plan-albums-count = { $count ->
    [zero] لن يُنشأ أي ألبوم:
    [one] سيُنشأ ألبوم واحد:
    [two] سيُنشأ ألبومان:
    [few] ستُنشأ { $count } ألبومات:
    [many] سيُنشأ { $count } ألبومًا:
   *[other] سيُنشأ { $count } ألبوم:
}
plan-albums-more = { $count ->
    [zero] +{ $count }
    [one] +ألبوم آخر
    [two] +ألبومان آخران
    [few] +{ $count } ألبومات أخرى
    [many] +{ $count } ألبومًا آخر
   *[other] +{ $count } ألبوم آخر
}
