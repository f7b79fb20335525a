<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Wirebench: onboard tenants, inspect webhooks, triage deliveries.</source>
        <translation>Wirebench: Mandanten einrichten, Webhooks untersuchen, Zustellungen prüfen.</translation>
    </message>
    <message>
        <source>Workspace to open (default: $WIREBENCH_WORKSPACE, else the one in your data folder).</source>
        <translation>Zu öffnender Arbeitsbereich (Standard: $WIREBENCH_WORKSPACE, sonst der in Ihrem Datenordner).</translation>
    </message>
</context>
<context>
    <name>wb::core</name>
    <message>
        <source>zlib could not be initialised.</source>
        <translation>zlib konnte nicht initialisiert werden.</translation>
    </message>
    <message>
        <source>The gzip body decompresses to more than the receiver&apos;s limit of %1 bytes.</source>
        <translation>Der gzip-Body ergibt entpackt mehr als das Limit des Empfängers von %1 Bytes.</translation>
    </message>
    <message>
        <source>it ends in the middle of the compressed data</source>
        <translation>er endet mitten in den komprimierten Daten</translation>
    </message>
    <message>
        <source>The body says Content-Encoding: gzip but is not valid gzip (%1, after %2 of %3 bytes).</source>
        <translation>Der Body ist als Content-Encoding: gzip ausgewiesen, ist aber kein gültiges gzip (%1, nach %2 von %3 Bytes).</translation>
    </message>
    <message>
        <source> The signature was not checked and no field was read.</source>
        <translation> Die Signatur wurde nicht geprüft und kein Feld wurde gelesen.</translation>
    </message>
    <message>
        <source>The connection&apos;s provider &quot;%1&quot; has no provider profile (was its profile file removed?): the request cannot be verified.</source>
        <translation>Der Anbieter „%1“ der Verbindung hat kein Anbieterprofil (wurde seine Profildatei entfernt?): Die Anfrage kann nicht geprüft werden.</translation>
    </message>
    <message>
        <source>the provider profile names no identity field</source>
        <translation>das Anbieterprofil nennt kein Identitätsfeld</translation>
    </message>
    <message>
        <source>This workspace keeps its secrets in the keychain, so there is no master key to rotate.</source>
        <translation>Dieser Arbeitsbereich speichert seine Geheimnisse im Schlüsselbund, daher gibt es keinen Hauptschlüssel zu rotieren.</translation>
    </message>
    <message>
        <source>The new master key (from %1) is the key in use (%2); rotate to a new key.</source>
        <translation>Der neue Hauptschlüssel (Quelle: %1) ist der bereits verwendete Schlüssel (%2); rotieren Sie auf einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>No secret was re-sealed; the old key stays in use.</source>
        <translation>Kein Geheimnis wurde neu versiegelt; der alte Schlüssel bleibt in Gebrauch.</translation>
    </message>
    <message>
        <source>no key file was given and %1 is not set</source>
        <translation>es wurde keine Schlüsseldatei angegeben und %1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>no key file was given</source>
        <translation>es wurde keine Schlüsseldatei angegeben</translation>
    </message>
    <message>
        <source>Name a key file (permissions 0600) with %1 or --master-key-file; create one with &apos;wirebench-cli secrets generate-key --out FILE&apos;.</source>
        <translation>Geben Sie eine Schlüsseldatei (Berechtigungen 0600) mit %1 oder --master-key-file an; erstellen Sie eine mit &apos;wirebench-cli secrets generate-key --out FILE&apos;.</translation>
    </message>
    <message>
        <source>No master key for this workspace&apos;s sealed secrets: %1. %2</source>
        <translation>Kein Hauptschlüssel für die versiegelten Geheimnisse dieses Arbeitsbereichs: %1. %2</translation>
    </message>
    <message>
        <source>the keychain has no entry %1</source>
        <translation>der Schlüsselbund hat keinen Eintrag %1</translation>
    </message>
    <message>
        <source>the keychain cannot be reached (%1)</source>
        <translation>der Schlüsselbund ist nicht erreichbar (%1)</translation>
    </message>
    <message>
        <source>the keychain could not be asked (%1)</source>
        <translation>der Schlüsselbund konnte nicht abgefragt werden (%1)</translation>
    </message>
    <message>
        <source>No master key for this workspace&apos;s sealed secrets: %1, and %2. %3</source>
        <translation>Kein Hauptschlüssel für die versiegelten Geheimnisse dieses Arbeitsbereichs: %1, und %2. %3</translation>
    </message>
    <message>
        <source>the keychain entry %1</source>
        <translation>Schlüsselbundeintrag %1</translation>
    </message>
    <message>
        <source>This workspace keeps its secrets sealed, and no master key was loaded for it.</source>
        <translation>Dieser Arbeitsbereich speichert seine Geheimnisse versiegelt, und für ihn wurde kein Hauptschlüssel geladen.</translation>
    </message>
    <message>
        <source>This workspace keeps its secrets in the &quot;%1&quot; backend, which this version of Wirebench does not provide.</source>
        <translation>Dieser Arbeitsbereich speichert seine Geheimnisse im Backend „%1“, das diese Wirebench-Version nicht bietet.</translation>
    </message>
    <message>
        <source>“%1” is not an IP address. Use 127.0.0.1 to receive on this computer only, or the address of one network interface.</source>
        <translation>„%1“ ist keine IP-Adresse. Verwenden Sie 127.0.0.1, um nur auf diesem Rechner zu empfangen, oder die Adresse einer Netzwerkschnittstelle.</translation>
    </message>
    <message>
        <source>The receiver will accept connections from the network on %1, not only from this computer.</source>
        <translation>Der Empfänger nimmt Verbindungen aus dem Netzwerk an %1 an, nicht nur von diesem Rechner.</translation>
    </message>
    <message>
        <source>“%1” is a folder; give the workspace file inside it, such as %2.</source>
        <translation>„%1“ ist ein Ordner; geben Sie die Arbeitsbereichsdatei darin an, etwa %2.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Requests per second must be more than 0 and at most %1; it is %2.</source>
        <translation>Die Anfragen pro Sekunde müssen über 0 und höchstens %1 betragen; angegeben: %2.</translation>
    </message>
    <message>
        <source>The burst must be between 1 and %1 requests; it is %2.</source>
        <translation>Der Burst muss zwischen 1 und %1 Anfragen liegen; angegeben: %2.</translation>
    </message>
    <message>
        <source>The concurrency limit must be between 1 and %1 requests in flight; it is %2.</source>
        <translation>Das Parallelitätslimit muss zwischen 1 und %1 gleichzeitigen Anfragen liegen; angegeben: %2.</translation>
    </message>
    <message>
        <source>The browser command “%1” has an unterminated quote.</source>
        <translation>Der Browser-Befehl „%1“ enthält ein nicht geschlossenes Anführungszeichen.</translation>
    </message>
    <message>
        <source>The browser command “%1” names no program.</source>
        <translation>Der Browser-Befehl „%1“ nennt kein Programm.</translation>
    </message>
    <message>
        <source>The program “%1” was not found or is not executable.</source>
        <translation>Das Programm „%1“ wurde nicht gefunden oder ist nicht ausführbar.</translation>
    </message>
    <message>
        <source>The port must be between 0 (any free port) and 65535; it is %1.</source>
        <translation>Der Port muss zwischen 0 (beliebiger freier Port) und 65535 liegen; angegeben: %1.</translation>
    </message>
    <message>
        <source>There is no retry policy “%1”; known ones are: %2.</source>
        <translation>Es gibt keine Wiederholungsrichtlinie „%1“; bekannt sind: %2.</translation>
    </message>
    <message>
        <source>The setting %1 is “%2”, not a number; the default is used.</source>
        <translation>Die Einstellung %1 ist „%2“, keine Zahl; der Standardwert wird verwendet.</translation>
    </message>
</context>
<context>
    <name>wb::core::ConnectionRepository</name>
    <message>
        <source>The %1 &quot;%2&quot; is not an absolute URL with a host.</source>
        <translation>Die %1 „%2“ ist keine absolute URL mit Host.</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; must use http or https, not %3.</source>
        <translation>Die %1 „%2“ muss http oder https verwenden, nicht %3.</translation>
    </message>
    <message>
        <source>The label &quot;%1&quot; must be at most 100 characters without control characters.</source>
        <translation>Die Bezeichnung „%1“ darf höchstens 100 Zeichen ohne Steuerzeichen haben.</translation>
    </message>
    <message>
        <source>base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>forward target URL</source>
        <translation>Weiterleitungs-URL</translation>
    </message>
    <message>
        <source>The retry policy name &quot;%1&quot; must be at most 64 characters without control characters.</source>
        <translation>Der Name der Wiederholungsrichtlinie „%1“ darf höchstens 64 Zeichen ohne Steuerzeichen haben.</translation>
    </message>
    <message>
        <source>The rate limit must be more than 0 requests per second, got %1.</source>
        <translation>Das Ratenlimit muss über 0 Anfragen pro Sekunde liegen, erhalten: %1.</translation>
    </message>
    <message>
        <source>The rate-limit burst must be at least 1, got %1.</source>
        <translation>Der Burst des Ratenlimits muss mindestens 1 sein, erhalten: %1.</translation>
    </message>
    <message>
        <source>The concurrency limit must be at least 1, got %1.</source>
        <translation>Das Parallelitätslimit muss mindestens 1 sein, erhalten: %1.</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; already has a %2 connection (id %3); give the new one a label to tell them apart.</source>
        <translation>Mandant „%1“ hat bereits eine %2-Verbindung (ID %3); geben Sie der neuen eine Bezeichnung, um sie zu unterscheiden.</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; already has a %2 connection labelled &quot;%3&quot; (id %4).</source>
        <translation>Mandant „%1“ hat bereits eine %2-Verbindung mit der Bezeichnung „%3“ (ID %4).</translation>
    </message>
    <message>
        <source>There is no connection with id %1.</source>
        <translation>Es gibt keine Verbindung mit der ID %1.</translation>
    </message>
    <message>
        <source>A connection needs a provider id.</source>
        <translation>Eine Verbindung braucht eine Anbieter-ID.</translation>
    </message>
    <message>
        <source>The provider id &quot;%1&quot; is not a profile id (lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit, at most 64).</source>
        <translation>Die Anbieter-ID „%1“ ist keine Profil-ID (Kleinbuchstaben, Ziffern, „.“, „_“ und „-“, beginnend mit Buchstabe oder Ziffer, höchstens 64).</translation>
    </message>
    <message>
        <source>The check result is %1 characters long; at most 2000 are kept.</source>
        <translation>Das Prüfergebnis ist %1 Zeichen lang; höchstens 2000 werden gespeichert.</translation>
    </message>
</context>
<context>
    <name>wb::core::ConnectionSecrets</name>
    <message>
        <source>This workspace keeps its secrets in the %1 backend, not in the %2 one.</source>
        <translation>Dieser Arbeitsbereich speichert seine Geheimnisse im Backend %1, nicht in %2.</translation>
    </message>
    <message>
        <source>No %1 is stored.</source>
        <translation>Kein %1 gespeichert.</translation>
    </message>
    <message>
        <source>The %1 is kept in the %2 backend, not in the %3 one.</source>
        <translation>%1 liegt im Backend %2, nicht in %3.</translation>
    </message>
    <message>
        <source>This workspace now keeps its secrets in the %1 backend (switched by a secrets migration), not in the %2 one; restart to use it.</source>
        <translation>Dieser Arbeitsbereich speichert seine Geheimnisse jetzt im Backend %1 (durch eine Geheimnismigration umgestellt), nicht in %2; starten Sie neu, um es zu verwenden.</translation>
    </message>
</context>
<context>
    <name>wb::core::CronCalendar</name>
    <message>
        <source>unknown time zone &quot;%1&quot; (give an IANA name such as Europe/Berlin, America/New_York or UTC)</source>
        <translation>unbekannte Zeitzone „%1“ (geben Sie einen IANA-Namen wie Europe/Berlin, America/New_York oder UTC an)</translation>
    </message>
</context>
<context>
    <name>wb::core::CronExpression</name>
    <message>
        <source>L (last day) is not supported</source>
        <translation>L (letzter Tag) wird nicht unterstützt</translation>
    </message>
    <message>
        <source>W (nearest weekday) is not supported</source>
        <translation>W (nächster Werktag) wird nicht unterstützt</translation>
    </message>
    <message>
        <source>H (hashed value) is not supported</source>
        <translation>H (Hash-Wert) wird nicht unterstützt</translation>
    </message>
    <message>
        <source>the expression is empty</source>
        <translation>der Ausdruck ist leer</translation>
    </message>
    <message>
        <source>expected 5 fields (minute hour day-of-month month day-of-week), found %1</source>
        <translation>5 Felder erwartet (Minute Stunde Monatstag Monat Wochentag), %1 gefunden</translation>
    </message>
    <message>
        <source>; seconds and year fields are not supported</source>
        <translation>; Sekunden- und Jahresfelder werden nicht unterstützt</translation>
    </message>
    <message>
        <source>%1 stands alone: remove the fields after it</source>
        <translation>%1 steht allein: Entfernen Sie die Felder danach</translation>
    </message>
    <message>
        <source>@reboot is not supported: a schedule has no start-up to run at</source>
        <translation>@reboot wird nicht unterstützt: Ein Zeitplan hat keinen Start, zu dem er laufen könnte</translation>
    </message>
    <message>
        <source>unknown macro %1 (use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)</source>
        <translation>unbekanntes Makro %1 (verwenden Sie @yearly, @annually, @monthly, @weekly, @daily, @midnight oder @hourly)</translation>
    </message>
    <message>
        <source>empty item in the list</source>
        <translation>leerer Eintrag in der Liste</translation>
    </message>
    <message>
        <source># (nth weekday of the month) is not supported</source>
        <translation># (n-ter Wochentag des Monats) wird nicht unterstützt</translation>
    </message>
    <message>
        <source>? is not supported; write *</source>
        <translation>? wird nicht unterstützt; schreiben Sie *</translation>
    </message>
    <message>
        <source>missing step after /</source>
        <translation>fehlende Schrittweite nach /</translation>
    </message>
    <message>
        <source>step %1 is not a number</source>
        <translation>Schrittweite %1 ist keine Zahl</translation>
    </message>
    <message>
        <source>step %1 is out of range 1–%2</source>
        <translation>Schrittweite %1 liegt außerhalb des Bereichs 1–%2</translation>
    </message>
    <message>
        <source>missing value before /</source>
        <translation>fehlender Wert vor /</translation>
    </message>
    <message>
        <source>%1 is not a value (negative numbers do not exist here)</source>
        <translation>%1 ist kein Wert (negative Zahlen gibt es hier nicht)</translation>
    </message>
    <message>
        <source>the range %1 has no end</source>
        <translation>der Bereich %1 hat kein Ende</translation>
    </message>
    <message>
        <source>%1 is not a range (write a-b)</source>
        <translation>%1 ist kein Bereich (schreiben Sie a-b)</translation>
    </message>
    <message>
        <source>the range %1 runs backwards (ranges do not wrap around; write two ranges in a list)</source>
        <translation>der Bereich %1 läuft rückwärts (Bereiche laufen nicht über; schreiben Sie zwei Bereiche in eine Liste)</translation>
    </message>
    <message>
        <source>%1 is out of range %2–%3</source>
        <translation>%1 liegt außerhalb des Bereichs %2–%3</translation>
    </message>
    <message>
        <source>%1 is not a month name (JAN–DEC)</source>
        <translation>%1 ist kein Monatsname (JAN–DEC)</translation>
    </message>
    <message>
        <source>%1 is not a day name (SUN–SAT)</source>
        <translation>%1 ist kein Tagesname (SUN–SAT)</translation>
    </message>
    <message>
        <source>%1 is not a number or a name (%2 takes %3–%4 or %5–%6)</source>
        <translation>%1 ist weder Zahl noch Name (%2 erlaubt %3–%4 oder %5–%6)</translation>
    </message>
    <message>
        <source>%1 is not a number (%2 takes %3–%4)</source>
        <translation>%1 ist keine Zahl (%2 erlaubt %3–%4)</translation>
    </message>
    <message>
        <source>%1 never occurs in %2</source>
        <translation>%1 kommt in %2 nie vor</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (Spalte %2)</translation>
    </message>
    <message>
        <source>%1: %2 (field &quot;%3&quot;, column %4)</source>
        <translation>%1: %2 (Feld „%3“, Spalte %4)</translation>
    </message>
</context>
<context>
    <name>wb::core::DeliveryRepository</name>
    <message>
        <source>The delivery URL &quot;%1&quot; is not an absolute http or https URL with a host.</source>
        <translation>Die Zustell-URL „%1“ ist keine absolute http- oder https-URL mit Host.</translation>
    </message>
    <message>
        <source>The method &quot;%1&quot; is not one of POST, PUT, PATCH, DELETE.</source>
        <translation>Die Methode „%1“ ist keine von POST, PUT, PATCH, DELETE.</translation>
    </message>
    <message>
        <source>The body has %1 bytes; at most %2 are accepted.</source>
        <translation>Der Body hat %1 Bytes; höchstens %2 werden angenommen.</translation>
    </message>
    <message>
        <source>The header name &quot;%1&quot; is not an HTTP token.</source>
        <translation>Der Header-Name „%1“ ist kein HTTP-Token.</translation>
    </message>
    <message>
        <source>The value of header &quot;%1&quot; contains a line break or NUL.</source>
        <translation>Der Wert des Headers „%1“ enthält einen Zeilenumbruch oder NUL.</translation>
    </message>
    <message>
        <source>The header &quot;%1&quot; is set by the dispatcher itself.</source>
        <translation>Der Header „%1“ wird vom Zusteller selbst gesetzt.</translation>
    </message>
    <message>
        <source>The idempotency key must be at most 200 printable ASCII characters.</source>
        <translation>Der Idempotenzschlüssel darf höchstens 200 druckbare ASCII-Zeichen haben.</translation>
    </message>
    <message>
        <source>Standard Webhooks signing needs a connection (its webhook signing secret signs the delivery).</source>
        <translation>Das Signieren nach Standard Webhooks braucht eine Verbindung (ihr Webhook-Signaturgeheimnis signiert die Zustellung).</translation>
    </message>
    <message>
        <source>There is no connection with id %1.</source>
        <translation>Es gibt keine Verbindung mit der ID %1.</translation>
    </message>
    <message>
        <source>delivery to connection %1</source>
        <translation>Zustellung an Verbindung %1</translation>
    </message>
    <message>
        <source>delivery to %1</source>
        <translation>Zustellung an %1</translation>
    </message>
    <message>
        <source>Delivery %1 already has the idempotency key &quot;%2&quot;.</source>
        <translation>Zustellung %1 hat bereits den Idempotenzschlüssel „%2“.</translation>
    </message>
    <message>
        <source>There is no delivery with id %1.</source>
        <translation>Es gibt keine Zustellung mit der ID %1.</translation>
    </message>
    <message>
        <source>the worker stopped before recording the attempt&apos;s outcome</source>
        <translation>der Worker wurde beendet, bevor er das Ergebnis des Versuchs speichern konnte</translation>
    </message>
    <message>
        <source>Delivery %1 is %2: only dead, failed or cancelled deliveries can be replayed.</source>
        <translation>Zustellung %1 hat den Status %2: Nur Zustellungen mit dem Status dead, failed oder cancelled können erneut abgespielt werden.</translation>
    </message>
</context>
<context>
    <name>wb::core::DemoSeed</name>
    <message>
        <source>Acme Corp (demo)</source>
        <translation>Acme Corp (Demo)</translation>
    </message>
    <message>
        <source>A demo tenant so there is something to look at. Its GitHub connection is not authorized; events from GitHub installation 12345678 belong to it. Delete it whenever you like: it will not come back.</source>
        <translation>Ein Demo-Mandant, damit es etwas anzusehen gibt. Seine GitHub-Verbindung ist nicht autorisiert; Ereignisse der GitHub-Installation 12345678 gehören zu ihm. Löschen Sie ihn jederzeit: Er kommt nicht wieder.</translation>
    </message>
    <message>
        <source>Demo: GitHub App installation id (installation.id in the webhook body).</source>
        <translation>Demo: Installations-ID der GitHub-App (installation.id im Webhook-Body).</translation>
    </message>
</context>
<context>
    <name>wb::core::FanOutPlan</name>
    <message>
        <source>the smoothing window must be 0 ms or more, got %1 ms</source>
        <translation>das Glättungsfenster muss 0 ms oder mehr betragen, erhalten: %1 ms</translation>
    </message>
    <message>
        <source>the concurrency limit must be at least 1, got %1</source>
        <translation>das Nebenläufigkeitslimit muss mindestens 1 sein, erhalten: %1</translation>
    </message>
    <message>
        <source>target %1 is listed more than once</source>
        <translation>Ziel %1 ist mehrfach aufgeführt</translation>
    </message>
</context>
<context>
    <name>wb::core::GroupCommitWriter</name>
    <message>
        <source>The workspace is closed; nothing was written.</source>
        <translation>Der Arbeitsbereich ist geschlossen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>The workspace database aborted the transaction: %1</source>
        <translation>Die Datenbank des Arbeitsbereichs hat die Transaktion abgebrochen: %1</translation>
    </message>
    <message>
        <source>The workspace database could not commit: %1</source>
        <translation>Die Datenbank des Arbeitsbereichs konnte nicht festschreiben: %1</translation>
    </message>
</context>
<context>
    <name>wb::core::HandshakeResponder</name>
    <message>
        <source>A %1 handshake is answered only when its signature verifies; this one did not.</source>
        <translation>Ein %1-Handshake wird nur beantwortet, wenn seine Signatur gültig ist; bei diesem war sie es nicht.</translation>
    </message>
    <message>
        <source>A url_verification request without a challenge.</source>
        <translation>Eine url_verification-Anfrage ohne challenge.</translation>
    </message>
    <message>
        <source>Slack url_verification: the challenge is echoed as text.</source>
        <translation>Slack url_verification: Die challenge wird als Text zurückgegeben.</translation>
    </message>
    <message numerus="yes">
        <source>Microsoft Graph validation: the URL-decoded validationToken is echoed as text (%n byte(s)).</source>
        <translation>
            <numerusform>Microsoft-Graph-Validierung: Das URL-dekodierte validationToken wird als Text zurückgegeben (%n Byte).</numerusform>
            <numerusform>Microsoft-Graph-Validierung: Das URL-dekodierte validationToken wird als Text zurückgegeben (%n Bytes).</numerusform>
        </translation>
    </message>
    <message>
        <source>An endpoint.url_validation without payload.plainToken.</source>
        <translation>Eine endpoint.url_validation ohne payload.plainToken.</translation>
    </message>
    <message>
        <source>Zoom URL validation needs the webhook secret token, and none is configured for this connection.</source>
        <translation>Die Zoom-URL-Validierung braucht das Webhook-Secret-Token, und für diese Verbindung ist keines konfiguriert.</translation>
    </message>
    <message>
        <source>Zoom URL validation: plainToken answered with its HMAC-SHA256 under the secret token.</source>
        <translation>Zoom-URL-Validierung: plainToken mit seinem HMAC-SHA256 unter dem Secret-Token beantwortet.</translation>
    </message>
    <message>
        <source>Dropbox challenge: echoed as text with X-Content-Type-Options: nosniff.</source>
        <translation>Dropbox-challenge: als Text mit X-Content-Type-Options: nosniff zurückgegeben.</translation>
    </message>
    <message>
        <source>An Asana handshake with an empty X-Hook-Secret.</source>
        <translation>Ein Asana-Handshake mit leerem X-Hook-Secret.</translation>
    </message>
    <message>
        <source>Asana handshake: X-Hook-Secret echoed; the secret is kept to verify later events.</source>
        <translation>Asana-Handshake: X-Hook-Secret zurückgegeben; das Geheimnis wird gespeichert, um spätere Ereignisse zu prüfen.</translation>
    </message>
    <message>
        <source>The X CRC check needs the consumer secret, and none is configured for this connection.</source>
        <translation>Die X-CRC-Prüfung braucht das Consumer-Secret, und für diese Verbindung ist keines konfiguriert.</translation>
    </message>
    <message>
        <source>X CRC: crc_token answered with its HMAC-SHA256 under the consumer secret.</source>
        <translation>X-CRC: crc_token mit seinem HMAC-SHA256 unter dem Consumer-Secret beantwortet.</translation>
    </message>
    <message>
        <source>Meta subscription check refused: no verify token is configured for this connection.</source>
        <translation>Meta-Abonnementprüfung abgelehnt: Für diese Verbindung ist kein Verify-Token konfiguriert.</translation>
    </message>
    <message>
        <source>Meta subscription check refused: hub.verify_token differs from the connection&apos;s verify token.</source>
        <translation>Meta-Abonnementprüfung abgelehnt: hub.verify_token weicht vom Verify-Token der Verbindung ab.</translation>
    </message>
    <message>
        <source>A Meta subscription check without hub.challenge.</source>
        <translation>Eine Meta-Abonnementprüfung ohne hub.challenge.</translation>
    </message>
    <message>
        <source>Meta subscription check: verify token matches; hub.challenge echoed.</source>
        <translation>Meta-Abonnementprüfung: Verify-Token stimmt überein; hub.challenge zurückgegeben.</translation>
    </message>
    <message>
        <source>Discord PING answered with PONG.</source>
        <translation>Discord-PING mit PONG beantwortet.</translation>
    </message>
    <message>
        <source>Not a %1 handshake.</source>
        <translation>Kein %1-Handshake.</translation>
    </message>
</context>
<context>
    <name>wb::core::IdentityField</name>
    <message>
        <source>bytes %1–%2</source>
        <translation>Bytes %1–%2</translation>
    </message>
    <message>
        <source>%1: the body is not usable JSON (%2).</source>
        <translation>%1: Der Body ist kein verwendbares JSON (%2).</translation>
    </message>
    <message>
        <source>%1: not present.</source>
        <translation>%1: nicht vorhanden.</translation>
    </message>
    <message>
        <source>%1: a string with a broken escape.</source>
        <translation>%1: eine Zeichenkette mit fehlerhafter Escape-Sequenz.</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <source>%1: null.</source>
        <translation>%1: null.</translation>
    </message>
    <message>
        <source>%1: an %2, not a single value.</source>
        <translation>%1: %2, kein einzelner Wert.</translation>
    </message>
    <message>
        <source>%1: %2 %3, %4.</source>
        <translation>%1: %2 %3, %4.</translation>
    </message>
    <message numerus="yes">
        <source> The member name occurs %n more time(s) on the way; the last one wins, as in JavaScript&apos;s JSON.parse.</source>
        <translation>
            <numerusform> Der Membername kommt auf dem Weg noch %n weiteres Mal vor; der letzte gilt, wie bei JSON.parse in JavaScript.</numerusform>
            <numerusform> Der Membername kommt auf dem Weg noch %n weitere Male vor; der letzte gilt, wie bei JSON.parse in JavaScript.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message numerus="yes">
        <source> The header occurs %n more time(s); the first one is used.</source>
        <translation>
            <numerusform> Der Header kommt noch %n weiteres Mal vor; der erste wird verwendet.</numerusform>
            <numerusform> Der Header kommt noch %n weitere Male vor; der erste wird verwendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: empty.</source>
        <translation>%1: leer.</translation>
    </message>
    <message>
        <source>%1: %2, %3.</source>
        <translation>%1: %2, %3.</translation>
    </message>
    <message>
        <source>%1: the body is not usable XML (%2 at line %3).</source>
        <translation>%1: Der Body ist kein verwendbares XML (%2 in Zeile %3).</translation>
    </message>
    <message>
        <source>The profile names no field to read.</source>
        <translation>Das Profil nennt kein zu lesendes Feld.</translation>
    </message>
</context>
<context>
    <name>wb::core::IdentityMappingRepository</name>
    <message>
        <source>Connection %1 is a %2 connection of tenant %3; an identity mapping for %4 to tenant %5 cannot use it.</source>
        <translation>Verbindung %1 ist eine %2-Verbindung von Mandant %3; eine Identitätszuordnung für %4 zu Mandant %5 kann sie nicht verwenden.</translation>
    </message>
    <message>
        <source>The %1 account &quot;%2&quot; is already mapped to tenant &quot;%3&quot; (tenant id %4, mapping id %5).</source>
        <translation>Das %1-Konto „%2“ ist bereits Mandant „%3“ zugeordnet (Mandanten-ID %4, Zuordnungs-ID %5).</translation>
    </message>
    <message>
        <source>An identity mapping needs the external account id (the %1 account whose events belong to the tenant).</source>
        <translation>Eine Identitätszuordnung braucht die externe Konto-ID (das %1-Konto, dessen Ereignisse zum Mandanten gehören).</translation>
    </message>
    <message>
        <source>The external account id &quot;%1&quot; starts or ends with white space; providers send ids without it, and ids are compared exactly.</source>
        <translation>Die externe Konto-ID „%1“ beginnt oder endet mit Leerraum; Anbieter senden IDs ohne, und IDs werden exakt verglichen.</translation>
    </message>
    <message>
        <source>The external account id &quot;%1&quot; must be at most 500 characters without control characters.</source>
        <translation>Die externe Konto-ID „%1“ darf höchstens 500 Zeichen ohne Steuerzeichen haben.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most 2000 are allowed.</source>
        <translation>Die Notiz ist %1 Zeichen lang; höchstens 2000 sind erlaubt.</translation>
    </message>
    <message>
        <source>There is no identity mapping with id %1.</source>
        <translation>Es gibt keine Identitätszuordnung mit der ID %1.</translation>
    </message>
    <message>
        <source>An identity lookup needs the provider id.</source>
        <translation>Eine Identitätssuche braucht die Anbieter-ID.</translation>
    </message>
    <message>
        <source>the identity field</source>
        <translation>das Identitätsfeld</translation>
    </message>
    <message>
        <source>%1 has no identity mappings in this workspace.</source>
        <translation>%1 hat keine Identitätszuordnungen in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Identity mappings for %1 in this workspace: %2.</source>
        <translation>Identitätszuordnungen für %1 in diesem Arbeitsbereich: %2.</translation>
    </message>
    <message>
        <source>Nothing was found at %1, so no tenant could be resolved. %2</source>
        <translation>Bei %1 wurde nichts gefunden, daher konnte kein Mandant ermittelt werden. %2</translation>
    </message>
    <message>
        <source>Read %1: it is empty, so no tenant could be resolved. %2</source>
        <translation>%1 gelesen: leer, daher konnte kein Mandant ermittelt werden. %2</translation>
    </message>
    <message>
        <source>Read %1: &quot;%2&quot;. Identity mapping %3 maps %4 account &quot;%2&quot; to tenant &quot;%5&quot; (id %6).</source>
        <translation>%1 gelesen: „%2“. Identitätszuordnung %3 ordnet das %4-Konto „%2“ dem Mandanten „%5“ (ID %6) zu.</translation>
    </message>
    <message>
        <source>Read %1: &quot;%2&quot;. No identity mapping holds %3 account &quot;%2&quot;. %4</source>
        <translation>%1 gelesen: „%2“. Keine Identitätszuordnung enthält das %3-Konto „%2“. %4</translation>
    </message>
    <message>
        <source>Mapping &quot;%1&quot; (tenant &quot;%2&quot;) differs only in letter case; ids are compared exactly.</source>
        <translation>Zuordnung „%1“ (Mandant „%2“) unterscheidet sich nur in Groß-/Kleinschreibung; IDs werden exakt verglichen.</translation>
    </message>
</context>
<context>
    <name>wb::core::InboundEventRepository</name>
    <message>
        <source>There is no inbound event %1.</source>
        <translation>Es gibt kein eingehendes Ereignis %1.</translation>
    </message>
</context>
<context>
    <name>wb::core::InboundForwarding</name>
    <message>
        <source>Forwarded (delivery %1).</source>
        <translation>Weitergeleitet (Zustellung %1).</translation>
    </message>
    <message>
        <source>Forwarding failed (delivery %1): %2</source>
        <translation>Weiterleitung fehlgeschlagen (Zustellung %1): %2</translation>
    </message>
</context>
<context>
    <name>wb::core::InboundForwardingRepository</name>
    <message>
        <source>Not forwarded: the event&apos;s connection no longer exists.</source>
        <translation>Nicht weitergeleitet: Die Verbindung des Ereignisses existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Not forwarded: connection %1 has no forward target any more.</source>
        <translation>Nicht weitergeleitet: Verbindung %1 hat kein Weiterleitungsziel mehr.</translation>
    </message>
    <message>
        <source>Not forwarded: %1</source>
        <translation>Nicht weitergeleitet: %1</translation>
    </message>
    <message>
        <source>Queued as delivery %1 to %2.</source>
        <translation>Als Zustellung %1 an %2 eingereiht.</translation>
    </message>
    <message>
        <source>There is no inbound event %1.</source>
        <translation>Es gibt kein eingehendes Ereignis %1.</translation>
    </message>
    <message>
        <source>Inbound event %1 cannot be re-delivered: %2</source>
        <translation>Eingehendes Ereignis %1 kann nicht erneut zugestellt werden: %2</translation>
    </message>
    <message>
        <source>it is a handshake, not an event.</source>
        <translation>Es ist ein Handshake, kein Ereignis.</translation>
    </message>
    <message>
        <source>its signature did not verify.</source>
        <translation>Seine Signatur ist ungültig.</translation>
    </message>
    <message>
        <source>no tenant was resolved for it.</source>
        <translation>Es wurde kein Mandant dafür ermittelt.</translation>
    </message>
    <message>
        <source>it belongs to no connection.</source>
        <translation>Es gehört zu keiner Verbindung.</translation>
    </message>
    <message>
        <source>connection %1 has no forward target.</source>
        <translation>Verbindung %1 hat kein Weiterleitungsziel.</translation>
    </message>
    <message>
        <source>Inbound event %1 is already waiting to be forwarded.</source>
        <translation>Eingehendes Ereignis %1 wartet bereits auf die Weiterleitung.</translation>
    </message>
    <message>
        <source>Inbound event %1 is still being delivered (delivery %2).</source>
        <translation>Eingehendes Ereignis %1 wird noch zugestellt (Zustellung %2).</translation>
    </message>
    <message>
        <source>Re-delivery to %1 requested.</source>
        <translation>Erneute Zustellung an %1 angefordert.</translation>
    </message>
</context>
<context>
    <name>wb::core::InboundPipeline</name>
    <message>
        <source>Received at %1, the URL of connection %2 (%3) of tenant %4.</source>
        <translation>Empfangen unter %1, der URL der Verbindung %2 (%3) von Mandant %4.</translation>
    </message>
    <message>
        <source>Received at %1, the URL of the %2 provider app.</source>
        <translation>Empfangen unter %1, der URL der Anbieter-App von %2.</translation>
    </message>
    <message>
        <source>That mapping&apos;s tenant %1 is not the connection&apos;s tenant: the URL decides.</source>
        <translation>Der Mandant %1 dieser Zuordnung ist nicht der Mandant der Verbindung: Die URL entscheidet.</translation>
    </message>
    <message>
        <source>Connection %1 has no forward target.</source>
        <translation>Verbindung %1 hat kein Weiterleitungsziel.</translation>
    </message>
    <message>
        <source>To be forwarded to %1.</source>
        <translation>Wird an %1 weitergeleitet.</translation>
    </message>
    <message>
        <source>Not forwarded: no tenant matched.</source>
        <translation>Nicht weitergeleitet: Kein Mandant passte.</translation>
    </message>
</context>
<context>
    <name>wb::core::KeychainSecretStore</name>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>The keychain holds no %1.</source>
        <translation>Der Schlüsselbund enthält kein %1.</translation>
    </message>
    <message>
        <source>The system keychain is not available: %1. The %2 could not be %3. Nothing else is affected; start a keyring (gnome-keyring or KWallet) in this session, or use a workspace with sealed secrets.</source>
        <translation>Der Systemschlüsselbund ist nicht verfügbar: %1. %2 konnte nicht %3 werden. Sonst ist nichts betroffen; starten Sie einen Schlüsselbund (gnome-keyring oder KWallet) in dieser Sitzung oder verwenden Sie einen Arbeitsbereich mit versiegelten Geheimnissen.</translation>
    </message>
    <message>
        <source>The keychain refused access, so the %1 could not be %2: %3</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert, daher konnte %1 nicht %2 werden: %3</translation>
    </message>
    <message>
        <source>The keychain failed, so the %1 could not be %2: %3</source>
        <translation>Der Schlüsselbund ist fehlgeschlagen, daher konnte %1 nicht %2 werden: %3</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus (DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>the D-Bus session bus at %1 cannot be reached (%2)</source>
        <translation>der D-Bus-Sitzungsbus unter %1 ist nicht erreichbar (%2)</translation>
    </message>
    <message>
        <source>no Secret Service (gnome-keyring or KWallet) is running on the D-Bus session bus, and none can be started there</source>
        <translation>auf dem D-Bus-Sitzungsbus läuft kein Secret Service (gnome-keyring oder KWallet), und dort kann keiner gestartet werden</translation>
    </message>
    <message>
        <source>sealed-secrets master key of workspace %1</source>
        <translation>Hauptschlüssel der versiegelten Geheimnisse von Arbeitsbereich %1</translation>
    </message>
</context>
<context>
    <name>wb::core::MasterKey</name>
    <message>
        <source>The master key file %1</source>
        <translation>Die Hauptschlüsseldatei %1</translation>
    </message>
    <message>
        <source>The master key file %1 (named by %2)</source>
        <translation>Die Hauptschlüsseldatei %1 (angegeben durch %2)</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>%1 is accessible to its group or to others (permissions %2); a master key must be readable by its owner only. Run: chmod 600 %3</source>
        <translation>%1 ist für ihre Gruppe oder andere zugänglich (Berechtigungen %2); ein Hauptschlüssel darf nur für seinen Eigentümer lesbar sein. Führen Sie aus: chmod 600 %3</translation>
    </message>
    <message>
        <source>%1 cannot be read: out of guarded memory.</source>
        <translation>%1 kann nicht gelesen werden: kein geschützter Speicher mehr frei.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 does not hold a master key (%2 bytes): expected 32 random bytes, raw or as 64 hex digits or base64. Create one with: wirebench-cli secrets generate-key --out FILE</source>
        <translation>%1 enthält keinen Hauptschlüssel (%2 Bytes): Erwartet werden 32 Zufallsbytes, roh oder als 64 Hexadezimalziffern oder Base64. Erstellen Sie einen mit: wirebench-cli secrets generate-key --out FILE</translation>
    </message>
    <message>
        <source>the key file %1</source>
        <translation>Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>the key file %1 (named by %2)</source>
        <translation>Schlüsseldatei %1 (angegeben durch %2)</translation>
    </message>
    <message>
        <source>%1 does not hold a master key: %2 bytes instead of 32.</source>
        <translation>%1 enthält keinen Hauptschlüssel: %2 Bytes statt 32.</translation>
    </message>
    <message>
        <source>The key file %1 exists already; a new key never replaces a file. Choose another path.</source>
        <translation>Die Schlüsseldatei %1 existiert bereits; ein neuer Schlüssel ersetzt nie eine Datei. Wählen Sie einen anderen Pfad.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be created: %2.</source>
        <translation>Die Schlüsseldatei %1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be written: %2.</source>
        <translation>Die Schlüsseldatei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>wb::core::MigrationRunner</name>
    <message>
        <source>%1 is a database but not a Wirebench workspace (it has no schema_version table; its tables are: %2). It was not changed.</source>
        <translation>%1 ist eine Datenbank, aber kein Wirebench-Arbeitsbereich (keine Tabelle schema_version; ihre Tabellen: %2). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The workspace %1 was written by a newer version of Wirebench (schema version %2; this version knows up to %3). Open it with that version or newer. It was not changed.</source>
        <translation>Der Arbeitsbereich %1 wurde von einer neueren Wirebench-Version geschrieben (Schemaversion %2; diese Version kennt bis %3). Öffnen Sie ihn mit jener oder einer neueren Version. Er wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Upgrading the workspace %1 to schema version %2 (%3) failed: %4. The workspace was left at version %5.</source>
        <translation>Das Aktualisieren des Arbeitsbereichs %1 auf Schemaversion %2 (%3) ist fehlgeschlagen: %4. Der Arbeitsbereich blieb bei Version %5.</translation>
    </message>
    <message>
        <source>Migration number %1 (%2) is in place %3; migrations must be numbered 1, 2, 3, … in order.</source>
        <translation>Migration Nummer %1 (%2) steht an Stelle %3; Migrationen müssen der Reihe nach 1, 2, 3, … nummeriert sein.</translation>
    </message>
    <message>
        <source>Migration %1 (%2): %3</source>
        <translation>Migration %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>wb::core::ProviderCatalog</name>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot;; the known providers are: %2</source>
        <translation>Unbekannter Anbieter „%1“; bekannte Anbieter sind: %2</translation>
    </message>
</context>
<context>
    <name>wb::core::ProviderProfile</name>
    <message>
        <source>the URLs use {%1} but it is not declared here</source>
        <translation>die URLs verwenden {%1}, es ist hier aber nicht deklariert</translation>
    </message>
    <message>
        <source>give exactly one of json_pointer, header, form_field, xml_element</source>
        <translation>geben Sie genau eines von json_pointer, header, form_field, xml_element an</translation>
    </message>
    <message>
        <source>never used: the scheme before it reads the same header without a &quot;when&quot; condition</source>
        <translation>wird nie verwendet: Das Schema davor liest denselben Header ohne „when“-Bedingung</translation>
    </message>
    <message>
        <source>&quot;reset_header&quot; and &quot;reset_unit&quot; go together</source>
        <translation>„reset_header“ und „reset_unit“ gehören zusammen</translation>
    </message>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>kein gültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>die oberste Ebene muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>format %1 is not supported by this version of Wirebench (it reads format 1)</source>
        <translation>Format %1 wird von dieser Wirebench-Version nicht unterstützt (sie liest Format 1)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may hold only lower-case letters, digits and &quot;-&quot;</source>
        <translation>„%1“ darf nur Kleinbuchstaben, Ziffern und „-“ enthalten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; differs from the file name &quot;%2&quot;</source>
        <translation>„%1“ weicht vom Dateinamen „%2“ ab</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: key &quot;%2&quot;: %3</source>
        <translation>%1: Schlüssel „%2“: %3</translation>
    </message>
    <message>
        <source>unknown key; the keys allowed here are: %1</source>
        <translation>unbekannter Schlüssel; hier erlaubt sind: %1</translation>
    </message>
    <message>
        <source>required key is missing</source>
        <translation>erforderlicher Schlüssel fehlt</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>erwartet: %1, gefunden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2</source>
        <translation>„%1“ ist keiner der Werte: %2</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>a string or an array of strings</source>
        <translation>eine Zeichenkette oder ein Array von Zeichenketten</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array von Zeichenketten</translation>
    </message>
    <message>
        <source>must not be an empty array</source>
        <translation>darf kein leeres Array sein</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 is not a whole number from %2 to %3</source>
        <translation>%1 ist keine ganze Zahl von %2 bis %3</translation>
    </message>
    <message>
        <source>an array of integers</source>
        <translation>ein Array ganzer Zahlen</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>erwartet: eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an object or an array of objects</source>
        <translation>ein Objekt oder ein Array von Objekten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute https URL (placeholders are written {name})</source>
        <translation>„%1“ ist keine absolute https-URL (Platzhalter werden {name} geschrieben)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a JSON pointer (RFC 6901: &quot;&quot; or &quot;/a/0/b&quot;, &quot;~&quot; written as &quot;~0&quot;, &quot;/&quot; inside a name as &quot;~1&quot;)</source>
        <translation>„%1“ ist kein JSON-Pointer (RFC 6901: „“ oder „/a/0/b“, „~“ geschrieben als „~0“, „/“ innerhalb eines Namens als „~1“)</translation>
    </message>
    <message>
        <source>a &quot;}&quot; at position %1 closes nothing</source>
        <translation>eine „}“ an Position %1 schließt nichts</translation>
    </message>
    <message>
        <source>the &quot;{&quot; at position %1 is never closed</source>
        <translation>die „{“ an Position %1 wird nie geschlossen</translation>
    </message>
    <message>
        <source>unknown placeholder {%1}; known: {%2}</source>
        <translation>unbekannter Platzhalter {%1}; bekannt: {%2}</translation>
    </message>
    <message>
        <source>&quot;signature_header&quot; needs &quot;format&quot;: &quot;key_value&quot; with a &quot;timestamp_key&quot;</source>
        <translation>„signature_header“ braucht „format“: „key_value“ mit einem „timestamp_key“</translation>
    </message>
    <message>
        <source>the twilio family defines what is signed; remove this key</source>
        <translation>die Familie twilio legt fest, was signiert wird; entfernen Sie diesen Schlüssel</translation>
    </message>
    <message>
        <source>the signed payload must cover the body: add {body}</source>
        <translation>die signierte Nutzlast muss den Body abdecken: Fügen Sie {body} hinzu</translation>
    </message>
    <message>
        <source>{timestamp} is signed but &quot;timestamp&quot; does not say where it is read</source>
        <translation>{timestamp} wird signiert, aber „timestamp“ gibt nicht an, wo er gelesen wird</translation>
    </message>
    <message>
        <source>{id} is signed but &quot;id_header&quot; is missing</source>
        <translation>{id} wird signiert, aber „id_header“ fehlt</translation>
    </message>
    <message>
        <source>{secret} may appear only in the digest family</source>
        <translation>{secret} darf nur in der Familie digest vorkommen</translation>
    </message>
    <message>
        <source>a digest without {secret} proves nothing</source>
        <translation>ein Digest ohne {secret} beweist nichts</translation>
    </message>
    <message>
        <source>%1 fixes its own hash; remove this key</source>
        <translation>%1 legt seinen Hash selbst fest; entfernen Sie diesen Schlüssel</translation>
    </message>
    <message>
        <source>&quot;list&quot; needs &quot;separator&quot; and &quot;prefix&quot;</source>
        <translation>„list“ braucht „separator“ und „prefix“</translation>
    </message>
    <message>
        <source>&quot;key_value&quot; needs &quot;separator&quot; and &quot;signature_key&quot;</source>
        <translation>„key_value“ braucht „separator“ und „signature_key“</translation>
    </message>
    <message>
        <source>required when the timestamp is read from the signature header</source>
        <translation>erforderlich, wenn der Zeitstempel aus dem Signatur-Header gelesen wird</translation>
    </message>
    <message>
        <source>the twilio family sends a single signature</source>
        <translation>die Familie twilio sendet eine einzige Signatur</translation>
    </message>
    <message>
        <source>a tolerance needs a &quot;timestamp&quot; to compare</source>
        <translation>eine Toleranz braucht einen „timestamp“ zum Vergleichen</translation>
    </message>
</context>
<context>
    <name>wb::core::QSettingsSource</name>
    <message>
        <source>%1 (setting %2; the default is used)</source>
        <translation>%1 (Einstellung %2; der Standardwert wird verwendet)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>Die Einstellungen konnten nicht in %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>wb::core::RawJson</name>
    <message>
        <source>unexpected bytes after the end of the document</source>
        <translation>unerwartete Bytes nach dem Ende des Dokuments</translation>
    </message>
    <message>
        <source>Invalid JSON at byte %1: %2</source>
        <translation>Ungültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>JSON nested deeper than %1 levels at byte %2</source>
        <translation>JSON bei Byte %2 tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>expected a member name in double quotes</source>
        <translation>Membername in doppelten Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a member name</source>
        <translation>&apos;:&apos; nach einem Membernamen erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; in an object</source>
        <translation>&apos;,&apos; oder &apos;}&apos; in einem Objekt erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in an array</source>
        <translation>&apos;,&apos; oder &apos;]&apos; in einem Array erwartet</translation>
    </message>
    <message>
        <source>control character 0x%1 inside a string</source>
        <translation>Steuerzeichen 0x%1 innerhalb einer Zeichenkette</translation>
    </message>
    <message>
        <source>\u must be followed by four hex digits</source>
        <translation>auf \u müssen vier Hexadezimalziffern folgen</translation>
    </message>
    <message>
        <source>unknown escape sequence</source>
        <translation>unbekannte Escape-Sequenz</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>Wert erwartet</translation>
    </message>
    <message>
        <source>expected digits after the decimal point</source>
        <translation>Ziffern nach dem Dezimalpunkt erwartet</translation>
    </message>
    <message>
        <source>expected digits in the exponent</source>
        <translation>Ziffern im Exponenten erwartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a JSON pointer: it must be empty or start with &quot;/&quot;</source>
        <translation>„%1“ ist kein JSON-Pointer: Er muss leer sein oder mit „/“ beginnen</translation>
    </message>
</context>
<context>
    <name>wb::core::ReaderPool</name>
    <message>
        <source>The workspace is closed; nothing was read.</source>
        <translation>Der Arbeitsbereich ist geschlossen; nichts wurde gelesen.</translation>
    </message>
</context>
<context>
    <name>wb::core::Receiver</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
</context>
<context>
    <name>wb::core::RunRepository</name>
    <message>
        <source>tenant %1 no longer exists</source>
        <translation>Mandant %1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>tenant %1 has no connection to %2</source>
        <translation>Mandant %1 hat keine Verbindung zu %2</translation>
    </message>
    <message>
        <source>connection %1 no longer exists</source>
        <translation>Verbindung %1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>Schedule %1 has a run still running; run it again when that run has finished.</source>
        <translation>Zeitplan %1 hat noch einen laufenden Lauf; starten Sie ihn erneut, wenn dieser Lauf beendet ist.</translation>
    </message>
</context>
<context>
    <name>wb::core::ScheduleRepository</name>
    <message>
        <source>Target tenant %1 does not exist.</source>
        <translation>Der Ziel-Mandant %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Target connection %1 does not exist.</source>
        <translation>Die Zielverbindung %1 existiert nicht.</translation>
    </message>
    <message>
        <source>There is no schedule with id %1.</source>
        <translation>Es gibt keinen Zeitplan mit der ID %1.</translation>
    </message>
    <message>
        <source>A schedule needs a name.</source>
        <translation>Ein Zeitplan braucht einen Namen.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; must be at most 200 characters without control characters.</source>
        <translation>Der Name „%1“ darf höchstens 200 Zeichen ohne Steuerzeichen haben.</translation>
    </message>
    <message>
        <source>Invalid cron expression &quot;%1&quot;: %2</source>
        <translation>Ungültiger Cron-Ausdruck „%1“: %2</translation>
    </message>
    <message>
        <source>A schedule over tenants needs a provider: the job is sent with each tenant&apos;s connection to it.</source>
        <translation>Ein Zeitplan über Mandanten braucht einen Anbieter: Der Auftrag wird über die Verbindung jedes Mandanten zu diesem Anbieter gesendet.</translation>
    </message>
    <message>
        <source>Target id %1 is not a valid id.</source>
        <translation>Die Ziel-ID %1 ist keine gültige ID.</translation>
    </message>
    <message>
        <source>Target id %1 is listed twice.</source>
        <translation>Die Ziel-ID %1 ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>The smoothing window %1 ms is outside 0 to %2 ms (24 hours).</source>
        <translation>Das Glättungsfenster von %1 ms liegt außerhalb von 0 bis %2 ms (24 Stunden).</translation>
    </message>
    <message>
        <source>The concurrency limit %1 is outside 1 to %2.</source>
        <translation>Das Parallelitätslimit %1 liegt außerhalb von 1 bis %2.</translation>
    </message>
    <message>
        <source>Schedule %1 is already named &quot;%2&quot;.</source>
        <translation>Zeitplan %1 heißt bereits „%2“.</translation>
    </message>
    <message>
        <source>There is no schedule run with id %1.</source>
        <translation>Es gibt keinen Lauf mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>wb::core::SealedSecretRepository</name>
    <message>
        <source>This workspace&apos;s secrets are sealed with the master key %1, but the master key in use (from %2) is %3. Nothing was written; use the workspace&apos;s current master key.</source>
        <translation>Die Geheimnisse dieses Arbeitsbereichs sind mit dem Hauptschlüssel %1 versiegelt, der verwendete Hauptschlüssel (Quelle: %2) ist aber %3. Nichts wurde geschrieben; verwenden Sie den aktuellen Hauptschlüssel des Arbeitsbereichs.</translation>
    </message>
</context>
<context>
    <name>wb::core::SealedSecretStore</name>
    <message>
        <source>The workspace holds no sealed %1.</source>
        <translation>Der Arbeitsbereich enthält kein versiegeltes %1.</translation>
    </message>
</context>
<context>
    <name>wb::core::Sealing</name>
    <message>
        <source>libsodium could not start, so the %1 could not be sealed.</source>
        <translation>libsodium konnte nicht starten, daher konnte das %1 nicht versiegelt werden.</translation>
    </message>
    <message>
        <source>libsodium could not start, so the %1 could not be opened.</source>
        <translation>libsodium konnte nicht starten, daher konnte das %1 nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The sealed %1 was sealed with the master key %2, but the master key in use (from %3) is %4. Use the workspace&apos;s current master key (see &apos;wirebench-cli secrets backend&apos;).</source>
        <translation>Das versiegelte %1 wurde mit dem Hauptschlüssel %2 versiegelt, der verwendete Hauptschlüssel (Quelle: %3) ist aber %4. Verwenden Sie den aktuellen Hauptschlüssel des Arbeitsbereichs (siehe &apos;wirebench-cli secrets backend&apos;).</translation>
    </message>
    <message>
        <source>The sealed %1 failed authentication: its ciphertext was altered, or copied from another secret or workspace. The other secrets are not affected; store this one again.</source>
        <translation>Das versiegelte %1 hat die Authentifizierung nicht bestanden: Sein Geheimtext wurde verändert oder aus einem anderen Geheimnis oder Arbeitsbereich kopiert. Die anderen Geheimnisse sind nicht betroffen; speichern Sie dieses erneut.</translation>
    </message>
</context>
<context>
    <name>wb::core::SecretKey</name>
    <message>
        <source>OAuth client secret</source>
        <translation>OAuth-Client-Geheimnis</translation>
    </message>
    <message>
        <source>access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>refresh token</source>
        <translation>Aktualisierungstoken</translation>
    </message>
    <message>
        <source>webhook signing secret</source>
        <translation>Webhook-Signaturgeheimnis</translation>
    </message>
    <message>
        <source>%1 (%2) of connection %3</source>
        <translation>%1 (%2) der Verbindung %3</translation>
    </message>
    <message>
        <source>A secret needs a connection id of 1 or more, got %1.</source>
        <translation>Ein Geheimnis braucht eine Verbindungs-ID ab 1, erhalten: %1.</translation>
    </message>
    <message>
        <source>Only webhook signing secrets have a secondary slot (for rotation); the %1 has only a primary one.</source>
        <translation>Nur Webhook-Signaturgeheimnisse haben einen zweiten Platz (für die Rotation); %1 hat nur einen primären.</translation>
    </message>
</context>
<context>
    <name>wb::core::SecretMigration</name>
    <message>
        <source>The %1 changed while the secrets were being moved; nothing was moved. Run the migration again (ideally with the workers stopped).</source>
        <translation>Das %1 hat sich geändert, während die Geheimnisse verschoben wurden; nichts wurde verschoben. Führen Sie die Migration erneut aus (am besten bei gestoppten Workern).</translation>
    </message>
    <message>
        <source>Moving secrets to or from the sealed backend needs the workspace&apos;s master key, and none was loaded.</source>
        <translation>Das Verschieben von Geheimnissen in das oder aus dem versiegelten Backend braucht den Hauptschlüssel des Arbeitsbereichs, und es wurde keiner geladen.</translation>
    </message>
    <message>
        <source>Unknown secret backend &quot;%1&quot;; expected &quot;keychain&quot; or &quot;sealed&quot;.</source>
        <translation>Unbekanntes Geheimnis-Backend „%1“; erwartet „keychain“ oder „sealed“.</translation>
    </message>
    <message>
        <source>Nothing was moved.</source>
        <translation>Nichts wurde verschoben.</translation>
    </message>
    <message>
        <source>The %1 is kept in the unknown backend &quot;%2&quot;; nothing was moved.</source>
        <translation>Das %1 liegt im unbekannten Backend „%2“; nichts wurde verschoben.</translation>
    </message>
    <message>
        <source>The keychain returned another value for the %1 than was written.</source>
        <translation>Der Schlüsselbund lieferte für das %1 einen anderen Wert als geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was moved; the workspace still uses its sealed secrets.</source>
        <translation>Nichts wurde verschoben; der Arbeitsbereich verwendet weiterhin seine versiegelten Geheimnisse.</translation>
    </message>
    <message>
        <source>The keychain copy of the %1 could not be deleted (%2); run the migration again to finish cleaning up.</source>
        <translation>Die Kopie im Schlüsselbund (%1) konnte nicht gelöscht werden (%2); führen Sie die Migration erneut aus, um das Aufräumen abzuschließen.</translation>
    </message>
</context>
<context>
    <name>wb::core::SecretReferenceRepository</name>
    <message>
        <source>A secret reference for %1 needs a backend and a key name.</source>
        <translation>Ein Geheimnisverweis für %1 braucht ein Backend und einen Schlüsselnamen.</translation>
    </message>
</context>
<context>
    <name>wb::core::SecretStore</name>
    <message>
        <source>The %1 is empty; remove it instead of storing an empty value.</source>
        <translation>%1 ist leer; entfernen Sie es, statt einen leeren Wert zu speichern.</translation>
    </message>
    <message>
        <source>The %1 is %2 bytes long; at most %3 are stored.</source>
        <translation>%1 ist %2 Bytes lang; höchstens %3 werden gespeichert.</translation>
    </message>
    <message>
        <source>The %1 backend keeps its values outside the workspace database, so it cannot write them inside a database transaction.</source>
        <translation>Das Backend %1 speichert seine Werte außerhalb der Datenbank des Arbeitsbereichs und kann sie daher nicht innerhalb einer Datenbanktransaktion schreiben.</translation>
    </message>
</context>
<context>
    <name>wb::core::SignatureSigner</name>
    <message>
        <source>This scheme does not sign.</source>
        <translation>Dieses Schema signiert nicht.</translation>
    </message>
    <message>
        <source>The provider does not sign.</source>
        <translation>Der Anbieter signiert nicht.</translation>
    </message>
    <message>
        <source>The timestamp is read from the body (%1); put it there before signing.</source>
        <translation>Der Zeitstempel wird aus dem Body gelesen (%1); tragen Sie ihn dort vor dem Signieren ein.</translation>
    </message>
    <message>
        <source>The scheme signs a message id (%1) and none was given.</source>
        <translation>Das Schema signiert eine Nachrichten-ID (%1), und es wurde keine angegeben.</translation>
    </message>
    <message>
        <source>No secret to sign with.</source>
        <translation>Kein Geheimnis zum Signieren vorhanden.</translation>
    </message>
</context>
<context>
    <name>wb::core::SignatureVerifier</name>
    <message>
        <source>an Ed25519 public key has 32 bytes, this one has %1</source>
        <translation>ein öffentlicher Ed25519-Schlüssel hat 32 Bytes, dieser hat %1</translation>
    </message>
    <message>
        <source>OpenSSL refused the Ed25519 public key</source>
        <translation>OpenSSL hat den öffentlichen Ed25519-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>an Ed25519 private key (seed) has 32 bytes, this one has %1</source>
        <translation>ein privater Ed25519-Schlüssel (Seed) hat 32 Bytes, dieser hat %1</translation>
    </message>
    <message>
        <source>OpenSSL refused the Ed25519 private key</source>
        <translation>OpenSSL hat den privaten Ed25519-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>OpenSSL could not sign with the Ed25519 key</source>
        <translation>OpenSSL konnte mit dem Ed25519-Schlüssel nicht signieren</translation>
    </message>
    <message>
        <source>not a DER SubjectPublicKeyInfo holding an EC P-256 public key</source>
        <translation>keine DER-SubjectPublicKeyInfo mit einem öffentlichen EC-P-256-Schlüssel</translation>
    </message>
    <message>
        <source>OpenSSL refused the EC P-256 public key</source>
        <translation>OpenSSL hat den öffentlichen EC-P-256-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>not a DER PKCS#8 EC P-256 private key</source>
        <translation>kein privater EC-P-256-Schlüssel im DER-PKCS#8-Format</translation>
    </message>
    <message>
        <source>OpenSSL refused the EC P-256 private key</source>
        <translation>OpenSSL hat den privaten EC-P-256-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>OpenSSL could not sign with the EC P-256 key</source>
        <translation>OpenSSL konnte mit dem EC-P-256-Schlüssel nicht signieren</translation>
    </message>
    <message>
        <source>The secret in slot %1 is not valid %2.</source>
        <translation>Das Geheimnis in Platz %1 ist kein gültiges %2.</translation>
    </message>
    <message>
        <source>The key in slot %1 is %2 bytes long; an Ed25519 public key has 32.</source>
        <translation>Der Schlüssel in Platz %1 ist %2 Bytes lang; ein öffentlicher Ed25519-Schlüssel hat 32.</translation>
    </message>
    <message>
        <source>The signing key in slot %1 is %2 bytes long; an Ed25519 private key (seed) has 32.</source>
        <translation>Der Signaturschlüssel in Platz %1 ist %2 Bytes lang; ein privater Ed25519-Schlüssel (Seed) hat 32.</translation>
    </message>
    <message>
        <source>leading and trailing</source>
        <translation>führenden und abschließenden</translation>
    </message>
    <message>
        <source>leading</source>
        <translation>führenden</translation>
    </message>
    <message>
        <source>trailing</source>
        <translation>abschließenden</translation>
    </message>
    <message>
        <source>The secret in slot %1 has %2 white space; it is used exactly as stored, which is rarely what the provider uses.</source>
        <translation>Das Geheimnis in Platz %1 hat %2 Leerraum; es wird genau so verwendet, wie es gespeichert ist, was selten dem entspricht, was der Anbieter verwendet.</translation>
    </message>
    <message>
        <source>the value does not start with &quot;%1&quot;</source>
        <translation>der Wert beginnt nicht mit „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%n signature(s) could not be decoded as %1</source>
        <translation>
            <numerusform>%n Signatur konnte nicht als %1 dekodiert werden</numerusform>
            <numerusform>%n Signaturen konnten nicht als %1 dekodiert werden</numerusform>
        </translation>
    </message>
    <message>
        <source>no &quot;%1=&quot; entry</source>
        <translation>kein Eintrag „%1=“</translation>
    </message>
    <message>
        <source>no entry starting with &quot;%1&quot;</source>
        <translation>kein Eintrag, der mit „%1“ beginnt</translation>
    </message>
    <message>
        <source>None of the headers %1 is present.</source>
        <translation>Keiner der Header %1 ist vorhanden.</translation>
    </message>
    <message>
        <source>The request has no %1 header.</source>
        <translation>Die Anfrage hat keinen Header %1.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>header %1</source>
        <translation>Header %1</translation>
    </message>
    <message>
        <source>&quot;%1=&quot; in %2</source>
        <translation>„%1=“ in %2</translation>
    </message>
    <message>
        <source>JSON pointer %1 in the body</source>
        <translation>JSON-Pointer %1 im Body</translation>
    </message>
    <message>
        <source>; the body is not usable JSON: %1</source>
        <translation>; der Body ist kein verwendbares JSON: %1</translation>
    </message>
    <message>
        <source>The request has no %1 header (the message id that is signed).</source>
        <translation>Die Anfrage hat keinen Header %1 (die signierte Nachrichten-ID).</translation>
    </message>
    <message numerus="yes">
        <source> %n byte(s) were signed, beginning %1.</source>
        <translation>
            <numerusform> %n Byte wurde signiert, beginnend mit %1.</numerusform>
            <numerusform> %n Bytes wurden signiert, beginnend mit %1.</numerusform>
        </translation>
    </message>
    <message>
        <source> The URL signed: %1.</source>
        <translation> Die signierte URL: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n s old</source>
        <translation>
            <numerusform>%n s alt</numerusform>
            <numerusform>%n s alt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s in the future</source>
        <translation>
            <numerusform>%n s in der Zukunft</numerusform>
            <numerusform>%n s in der Zukunft</numerusform>
        </translation>
    </message>
    <message>
        <source> Timestamp %1 is %2 (tolerance %3 s either way).</source>
        <translation> Zeitstempel %1 ist %2 (Toleranz %3 s in beide Richtungen).</translation>
    </message>
    <message>
        <source> Timestamp %1 is %2 (the provider defines no tolerance).</source>
        <translation> Zeitstempel %1 ist %2 (der Anbieter legt keine Toleranz fest).</translation>
    </message>
    <message>
        <source>Scheme: %1.</source>
        <translation>Schema: %1.</translation>
    </message>
    <message>
        <source>Verified: signature %1 of %2 in %3 matches the secret in slot %4.</source>
        <translation>Bestätigt: Signatur %1 von %2 in %3 passt zum Geheimnis in Platz %4.</translation>
    </message>
    <message>
        <source>The provider does not sign its requests; nothing was verified.</source>
        <translation>Der Anbieter signiert seine Anfragen nicht; nichts wurde geprüft.</translation>
    </message>
    <message>
        <source>The %1 header cannot be read: %2. Its value: %3.</source>
        <translation>Der Header %1 kann nicht gelesen werden: %2. Sein Wert: %3.</translation>
    </message>
    <message>
        <source>The signed timestamp is missing (expected in the %1).</source>
        <translation>Der signierte Zeitstempel fehlt (erwartet in: %1).</translation>
    </message>
    <message>
        <source>The timestamp %1 (from the %2) is not a valid timestamp.</source>
        <translation>Der Zeitstempel %1 (aus: %2) ist kein gültiger Zeitstempel.</translation>
    </message>
    <message>
        <source>Rejected: the timestamp is out of tolerance.</source>
        <translation>Abgelehnt: Der Zeitstempel liegt außerhalb der Toleranz.</translation>
    </message>
    <message>
        <source> The signature itself matches the secret in slot %1: a replayed request, or a clock that is off.</source>
        <translation> Die Signatur selbst passt zum Geheimnis in Platz %1: eine wiederholt eingespielte Anfrage oder eine falsch gehende Uhr.</translation>
    </message>
    <message>
        <source> The signature does not match either.</source>
        <translation> Auch die Signatur passt nicht.</translation>
    </message>
    <message numerus="yes">
        <source>No secret matched: %n secret(s) tried against %1 signature(s) in %2.</source>
        <translation>
            <numerusform>Kein Geheimnis passte: %n Geheimnis gegen %1 Signatur(en) in %2 geprüft.</numerusform>
            <numerusform>Kein Geheimnis passte: %n Geheimnisse gegen %1 Signatur(en) in %2 geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>The signature matches, but bodySHA256 %1 in the URL is not the SHA-256 of the body: the body was changed.</source>
        <translation>Die Signatur passt, aber bodySHA256 %1 in der URL ist nicht der SHA-256 des Bodys: Der Body wurde verändert.</translation>
    </message>
    <message>
        <source>No signing secret is configured for this connection.</source>
        <translation>Für diese Verbindung ist kein Signaturgeheimnis konfiguriert.</translation>
    </message>
    <message>
        <source>No configured secret can be used: %1</source>
        <translation>Kein konfiguriertes Geheimnis ist verwendbar: %1</translation>
    </message>
    <message>
        <source>The signature covers the decompressed body, but the request came with Content-Encoding %1 and no decompressed body was given.</source>
        <translation>Die Signatur deckt den entpackten Body ab, aber die Anfrage kam mit Content-Encoding %1, und es wurde kein entpackter Body übergeben.</translation>
    </message>
    <message>
        <source>The signature settings name the algorithm &quot;%1&quot;, which Wirebench does not know.</source>
        <translation>Die Signatureinstellungen nennen den Algorithmus „%1“, den Wirebench nicht kennt.</translation>
    </message>
    <message>
        <source>A signature of %1 bytes was offered where %2 gives %3 bytes: check the algorithm and the encoding.</source>
        <translation>Eine Signatur mit %1 Bytes wurde angeboten, wo %2 %3 Bytes ergibt: Prüfen Sie Algorithmus und Kodierung.</translation>
    </message>
    <message>
        <source>The secret in slot %1 would match without its leading or trailing white space.</source>
        <translation>Das Geheimnis in Platz %1 würde ohne seinen führenden oder abschließenden Leerraum passen.</translation>
    </message>
    <message>
        <source>This scheme signs the URL; the provider signs the public URL it was given (a tunnel&apos;s, say), which must be set on the connection.</source>
        <translation>Dieses Schema signiert die URL; der Anbieter signiert die ihm genannte öffentliche URL (etwa die eines Tunnels), die an der Verbindung hinterlegt sein muss.</translation>
    </message>
</context>
<context>
    <name>wb::core::SqlDialect</name>
    <message>
        <source>The %1 SQL dialect has no type for the token %2 (near &quot;%3&quot;).</source>
        <translation>Der SQL-Dialekt %1 hat keinen Typ für das Token %2 (bei „%3“).</translation>
    </message>
</context>
<context>
    <name>wb::core::SqlSession</name>
    <message>
        <source>The workspace is locked by another program (or another Wirebench) for longer than the busy timeout: %1 (in &quot;%2&quot;).</source>
        <translation>Der Arbeitsbereich ist länger als die Wartezeit von einem anderen Programm (oder einer anderen Wirebench) gesperrt: %1 (in „%2“).</translation>
    </message>
    <message>
        <source>The workspace database refused a statement: %1 (in &quot;%2&quot;).</source>
        <translation>Die Datenbank des Arbeitsbereichs hat eine Anweisung abgelehnt: %1 (in „%2“).</translation>
    </message>
    <message>
        <source>A workspace database statement failed: %1 (in &quot;%2&quot;).</source>
        <translation>Eine Anweisung an die Datenbank des Arbeitsbereichs ist fehlgeschlagen: %1 (in „%2“).</translation>
    </message>
    <message>
        <source>A workspace database statement returned no row (in &quot;%1&quot;).</source>
        <translation>Eine Anweisung an die Datenbank des Arbeitsbereichs lieferte keine Zeile (in „%1“).</translation>
    </message>
</context>
<context>
    <name>wb::core::SqliteConnection</name>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not installed; on Debian install libqt6sql6-sqlite.</source>
        <translation>Der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert; unter Debian installieren Sie libqt6sql6-sqlite.</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation>Der Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The workspace %1 cannot use write-ahead logging (journal mode stays &quot;%2&quot;); is it on a network file system?</source>
        <translation>Der Arbeitsbereich %1 kann kein Write-Ahead-Logging verwenden (Journalmodus bleibt „%2“); liegt er auf einem Netzwerkdateisystem?</translation>
    </message>
    <message>
        <source>The workspace %1 is damaged and cannot be read (%2). It was not changed; restore it from a backup.</source>
        <translation>Der Arbeitsbereich %1 ist beschädigt und kann nicht gelesen werden (%2). Er wurde nicht verändert; stellen Sie ihn aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>Cannot read the workspace %1: %2</source>
        <translation>Der Arbeitsbereich %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>wb::core::SqliteDatabase</name>
    <message>
        <source>The workspace %1 is not a file (it is a folder or a device).</source>
        <translation>Der Arbeitsbereich %1 ist keine Datei (sondern ein Ordner oder ein Gerät).</translation>
    </message>
    <message>
        <source>Cannot create the workspace %1: the folder %2 does not exist.</source>
        <translation>Der Arbeitsbereich %1 kann nicht angelegt werden: Der Ordner %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot read the workspace %1: %2</source>
        <translation>Der Arbeitsbereich %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Wirebench workspace: it is not an SQLite database (its first bytes are not the SQLite header). It was not changed.</source>
        <translation>%1 ist kein Wirebench-Arbeitsbereich: keine SQLite-Datenbank (die ersten Bytes sind nicht der SQLite-Header). Sie wurde nicht verändert.</translation>
    </message>
</context>
<context>
    <name>wb::core::Store</name>
    <message>
        <source>Opening a workspace needs a clock.</source>
        <translation>Zum Öffnen eines Arbeitsbereichs wird eine Uhr benötigt.</translation>
    </message>
    <message>
        <source>PostgreSQL workspaces are not supported by this version yet; use an SQLite workspace file.</source>
        <translation>PostgreSQL-Arbeitsbereiche werden von dieser Version noch nicht unterstützt; verwenden Sie eine SQLite-Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>No workspace file was given.</source>
        <translation>Es wurde keine Arbeitsbereichsdatei angegeben.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the default workspace.</source>
        <translation>Der Ordner %1 für den Standard-Arbeitsbereich kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>wb::core::TenantRepository</name>
    <message>
        <source>There is no tenant with id %1.</source>
        <translation>Es gibt keinen Mandanten mit der ID %1.</translation>
    </message>
    <message>
        <source>A tenant needs a display name.</source>
        <translation>Ein Mandant braucht einen Anzeigenamen.</translation>
    </message>
    <message>
        <source>The display name &quot;%1…&quot; is %2 characters long; at most 200 are allowed.</source>
        <translation>Der Anzeigename „%1…“ ist %2 Zeichen lang; höchstens 200 sind erlaubt.</translation>
    </message>
    <message>
        <source>The display name &quot;%1&quot; contains control characters (such as line breaks or tabs).</source>
        <translation>Der Anzeigename „%1“ enthält Steuerzeichen (etwa Zeilenumbrüche oder Tabulatoren).</translation>
    </message>
    <message>
        <source>The external reference &quot;%1&quot; must be at most 200 characters without control characters.</source>
        <translation>Die externe Referenz „%1“ darf höchstens 200 Zeichen ohne Steuerzeichen haben.</translation>
    </message>
    <message>
        <source>A tenant named &quot;%1&quot; already exists (id %2).</source>
        <translation>Ein Mandant namens „%1“ existiert bereits (ID %2).</translation>
    </message>
    <message>
        <source>The external reference &quot;%1&quot; already belongs to tenant &quot;%2&quot; (id %3).</source>
        <translation>Die externe Referenz „%1“ gehört bereits zu Mandant „%2“ (ID %3).</translation>
    </message>
</context>
<context>
    <name>wb::core::WorkspaceRepository</name>
    <message>
        <source>The workspace has no workspace record (table workspace is empty).</source>
        <translation>Der Arbeitsbereich hat keinen Arbeitsbereichsdatensatz (Tabelle workspace ist leer).</translation>
    </message>
    <message>
        <source>Unknown secret backend &quot;%1&quot;; expected &quot;keychain&quot; or &quot;sealed&quot;.</source>
        <translation>Unbekanntes Geheimnis-Backend „%1“; erwartet „keychain“ oder „sealed“.</translation>
    </message>
</context>
<context>
    <name>wb::gui::GuiApplication</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Der Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Created the demo tenant “Acme Corp (demo)”: delete it whenever you like.</source>
        <translation>Demo-Mandant „Acme Corp (Demo)“ angelegt: Löschen Sie ihn jederzeit.</translation>
    </message>
    <message>
        <source>Wirebench</source>
        <translation>Wirebench</translation>
    </message>
    <message>
        <source>Add tenant</source>
        <translation>Mandant hinzufügen</translation>
    </message>
    <message>
        <source>Name of the tenant (your customer):</source>
        <translation>Name des Mandanten (Ihr Kunde):</translation>
    </message>
    <message>
        <source>Cannot add the tenant</source>
        <translation>Der Mandant kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Some settings were not valid and were replaced by their defaults</source>
        <translation>Einige Einstellungen waren ungültig und wurden durch ihre Standardwerte ersetzt</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>Cannot remove the tenant</source>
        <translation>Der Mandant kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot remove the connection</source>
        <translation>Die Verbindung kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot disable the connection</source>
        <translation>Die Verbindung kann nicht deaktiviert werden</translation>
    </message>
    <message>
        <source>Cannot enable the connection</source>
        <translation>Die Verbindung kann nicht aktiviert werden</translation>
    </message>
    <message>
        <source>Cannot save the settings</source>
        <translation>Die Einstellungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The new workspace opens the next time Wirebench starts.</source>
        <translation>Der neue Arbeitsbereich wird beim nächsten Start von Wirebench geöffnet.</translation>
    </message>
    <message>
        <source>Dispatcher running</source>
        <translation>Zustelldienst läuft</translation>
    </message>
    <message>
        <source>Dispatcher stopped</source>
        <translation>Zustelldienst angehalten</translation>
    </message>
    <message>
        <source>Signed webhooks cannot be verified, and queued deliveries wait</source>
        <translation>Signierte Webhooks können nicht geprüft werden, und wartende Zustellungen bleiben in der Warteschlange</translation>
    </message>
</context>
<context>
    <name>wb::models::IdentityMappingModel</name>
    <message>
        <source>Events from %1 whose account id is “%2” belong to this tenant.</source>
        <translation>Ereignisse von %1 mit der Konto-ID „%2“ gehören zu diesem Mandanten.</translation>
    </message>
    <message>
        <source>External account</source>
        <translation>Externes Konto</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>wb::models::ScheduleListModel</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>noch nicht gelaufen</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 succeeded)</source>
        <translation>%1 (%2 von %3 erfolgreich)</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Next run (schedule&apos;s zone)</source>
        <translation>Nächster Lauf (Zone des Zeitplans)</translation>
    </message>
    <message>
        <source>Next run (your time)</source>
        <translation>Nächster Lauf (Ihre Zeit)</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
</context>
<context>
    <name>wb::models::ScheduleRunModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 skipped of %4</source>
        <translation>%1 erfolgreich, %2 fehlgeschlagen, %3 übersprungen von %4</translation>
    </message>
    <message>
        <source>Double-click to open delivery %1</source>
        <translation>Doppelklick öffnet Zustellung %1</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>tenant %1 · connection %2</source>
        <translation>Mandant %1 · Verbindung %2</translation>
    </message>
    <message>
        <source>tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>Run / tenant</source>
        <translation>Lauf / Mandant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
</context>
<context>
    <name>wb::models::TenantTreeModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1: %2 connection(s)</source>
        <translation>%1: %2 Verbindung(en)</translation>
    </message>
    <message>
        <source>%1 (our id %2): %3 connection(s)</source>
        <translation>%1 (unsere ID %2): %3 Verbindung(en)</translation>
    </message>
    <message>
        <source>the access token expires in %1</source>
        <translation>das Zugriffstoken läuft in %1 ab</translation>
    </message>
    <message>
        <source>the access token expired %1 ago</source>
        <translation>das Zugriffstoken ist vor %1 abgelaufen</translation>
    </message>
    <message>
        <source>Not authorized yet: authorize it in the browser to connect.</source>
        <translation>Noch nicht autorisiert: Autorisieren Sie im Browser, um zu verbinden.</translation>
    </message>
    <message>
        <source>Authorized.</source>
        <translation>Autorisiert.</translation>
    </message>
    <message>
        <source>Authorized; %1.</source>
        <translation>Autorisiert; %1.</translation>
    </message>
    <message>
        <source>Expiring: %1 and no refresh has succeeded yet.</source>
        <translation>Läuft ab: %1, und noch keine Aktualisierung war erfolgreich.</translation>
    </message>
    <message>
        <source>the access token expires soon</source>
        <translation>das Zugriffstoken läuft bald ab</translation>
    </message>
    <message>
        <source>Needs re-authorization: refreshing the token failed, so a person must authorize again.</source>
        <translation>Erneute Autorisierung nötig: Die Token-Aktualisierung ist fehlgeschlagen, jemand muss erneut autorisieren.</translation>
    </message>
    <message>
        <source>Revoked: the provider reports that the grant was withdrawn.</source>
        <translation>Widerrufen: Der Anbieter meldet, dass die Berechtigung entzogen wurde.</translation>
    </message>
    <message>
        <source>Disabled: nothing is sent or refreshed.</source>
        <translation>Deaktiviert: Nichts wird gesendet oder aktualisiert.</translation>
    </message>
    <message>
        <source>Last check: %1</source>
        <translation>Letzte Prüfung: %1</translation>
    </message>
</context>
<context>
    <name>wb::ui</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
</context>
<context>
    <name>wb::ui::AboutDialog</name>
    <message>
        <source>About Wirebench</source>
        <translation>Über Wirebench</translation>
    </message>
    <message>
        <source>A workbench for integration engineers: onboard tenants with OAuth, inspect and re-deliver webhooks, and see why deliveries are slow or failing.</source>
        <translation>Eine Werkbank für Integrationsentwickler: Mandanten per OAuth anbinden, Webhooks prüfen und erneut zustellen und sehen, warum Zustellungen langsam sind oder fehlschlagen.</translation>
    </message>
    <message>
        <source>Copyright © 2026 the Wirebench developers.</source>
        <translation>Copyright © 2026 die Wirebench-Entwickler.</translation>
    </message>
    <message>
        <source>Running on</source>
        <translation>Läuft mit</translation>
    </message>
    <message>
        <source>Wirebench is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). QCustomPlot is licensed under the GPL-3.0.</source>
        <translation>Wirebench ist freie Software: Sie können es unter den Bedingungen der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version (GPL-3.0-or-later), weitergeben und/oder verändern. QCustomPlot steht unter der GPL-3.0.</translation>
    </message>
</context>
<context>
    <name>wb::ui::ConnectionPage</name>
    <message>
        <source>Not authorized</source>
        <translation>Nicht autorisiert</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Autorisiert</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Needs re-authorization</source>
        <translation>Erneute Autorisierung nötig</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Re-&amp;authorize in browser…</source>
        <translation>Im Browser erneut &amp;autorisieren…</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>Last refresh:</source>
        <translation>Letzte Aktualisierung:</translation>
    </message>
    <message>
        <source>Last validity check:</source>
        <translation>Letzte Gültigkeitsprüfung:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Scopes:</translation>
    </message>
    <message>
        <source>Identity mappings</source>
        <translation>Identitätszuordnungen</translation>
    </message>
    <message>
        <source>No identity mapping yet: events from this connection&apos;s external account cannot be routed to the tenant. Authorizing the connection creates one.</source>
        <translation>Noch keine Identitätszuordnung: Ereignisse vom externen Konto dieser Verbindung können nicht dem Mandanten zugeordnet werden. Das Autorisieren der Verbindung legt eine an.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>Mandant: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>never checked</source>
        <translation>nie geprüft</translation>
    </message>
    <message>
        <source>&amp;Authorize in browser…</source>
        <translation>Im Browser &amp;autorisieren…</translation>
    </message>
    <message>
        <source>no expiry known</source>
        <translation>kein Ablauf bekannt</translation>
    </message>
    <message>
        <source>expires in %1 (at %2)</source>
        <translation>läuft in %1 ab (um %2)</translation>
    </message>
    <message>
        <source>expired %1 ago (at %2)</source>
        <translation>vor %1 abgelaufen (um %2)</translation>
    </message>
</context>
<context>
    <name>wb::ui::ConnectionView</name>
    <message>
        <source>No connection selected</source>
        <translation>Keine Verbindung ausgewählt</translation>
    </message>
    <message>
        <source>Pick a connection in the navigation to see its authorization, token expiry, scopes and identity mappings. Add one from a tenant&apos;s context menu.</source>
        <translation>Wählen Sie in der Navigation eine Verbindung, um ihre Autorisierung, den Tokenablauf, die Scopes und die Identitätszuordnungen zu sehen. Legen Sie eine über das Kontextmenü eines Mandanten an.</translation>
    </message>
</context>
<context>
    <name>wb::ui::DeliveriesView</name>
    <message>
        <source>No deliveries yet</source>
        <translation>Noch keine Zustellungen</translation>
    </message>
    <message>
        <source>Outgoing deliveries appear here, failing ones first, with every attempt, the answer it got and why the next one waited. Send one with &lt;code&gt;wirebench-cli deliver&lt;/code&gt; or re-deliver an inbound event.</source>
        <translation>Ausgehende Zustellungen erscheinen hier, fehlschlagende zuerst, mit jedem Versuch, der erhaltenen Antwort und dem Grund, warum der nächste gewartet hat. Senden Sie eine mit &lt;code&gt;wirebench-cli deliver&lt;/code&gt; oder stellen Sie ein eingegangenes Ereignis erneut zu.</translation>
    </message>
</context>
<context>
    <name>wb::ui::InboundView</name>
    <message>
        <source>No webhooks received yet</source>
        <translation>Noch keine Webhooks empfangen</translation>
    </message>
    <message>
        <source>Register the receiver URL shown in the status bar with a provider, or send a sample event with &lt;code&gt;wirebench-cli trigger&lt;/code&gt;. Every request is stored byte for byte with its verification verdict and tenant.</source>
        <translation>Registrieren Sie die in der Statusleiste angezeigte Empfänger-URL bei einem Anbieter oder senden Sie ein Beispielereignis mit &lt;code&gt;wirebench-cli trigger&lt;/code&gt;. Jede Anfrage wird Byte für Byte mit ihrem Prüfergebnis und Mandanten gespeichert.</translation>
    </message>
</context>
<context>
    <name>wb::ui::MainWindow</name>
    <message>
        <source>Wirebench</source>
        <translation>Wirebench</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Add &amp;Tenant…</source>
        <translation>&amp;Mandant hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Navigation</source>
        <translation>&amp;Navigation</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Wirebench</source>
        <translation>Ü&amp;ber Wirebench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Add &amp;Connection…</source>
        <translation>&amp;Verbindung hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
</context>
<context>
    <name>wb::ui::NavigationPanel</name>
    <message>
        <source>Filter tenants and connections</source>
        <translation>Mandanten und Verbindungen filtern</translation>
    </message>
    <message>
        <source>No tenants</source>
        <translation>Keine Mandanten</translation>
    </message>
    <message>
        <source>A tenant is one of your customers. Add one, then connect it to its Slack, GitHub, Stripe or other external systems.</source>
        <translation>Ein Mandant ist einer Ihrer Kunden. Legen Sie einen an und verbinden Sie ihn dann mit seinem Slack, GitHub, Stripe oder anderen externen Systemen.</translation>
    </message>
    <message>
        <source>Add tenant…</source>
        <translation>Mandant hinzufügen…</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Benötigt Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Show only connections that need attention</source>
        <translation>Nur Verbindungen anzeigen, die Aufmerksamkeit benötigen</translation>
    </message>
    <message>
        <source>Add &amp;tenant…</source>
        <translation>&amp;Mandant hinzufügen…</translation>
    </message>
    <message>
        <source>Add &amp;connection…</source>
        <translation>&amp;Verbindung hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove tenant…</source>
        <translation>Mandant &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Authorize in browser…</source>
        <translation>Im Browser &amp;autorisieren…</translation>
    </message>
    <message>
        <source>Re-&amp;authorize in browser…</source>
        <translation>Im Browser erneut &amp;autorisieren…</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Akt&amp;ivieren</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Remove connection…</source>
        <translation>Verbindung &amp;entfernen…</translation>
    </message>
    <message>
        <source>Remove tenant</source>
        <translation>Mandant entfernen</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the tenant “%1”?</source>
        <translation>Den Mandanten „%1“ entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>Its %n connection(s), their identity mappings and stored secrets are removed too. Inbound events already received are kept.</source>
        <translation>
            <numerusform>Seine %n Verbindung, ihre Identitätszuordnungen und gespeicherten Geheimnisse werden ebenfalls entfernt. Bereits empfangene eingehende Ereignisse bleiben erhalten.</numerusform>
            <numerusform>Seine %n Verbindungen, ihre Identitätszuordnungen und gespeicherten Geheimnisse werden ebenfalls entfernt. Bereits empfangene eingehende Ereignisse bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>Die Verbindung „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Its tokens and secrets are deleted from the keychain. Its identity mappings stay with the tenant, without a connection.</source>
        <translation>Ihre Tokens und Geheimnisse werden aus dem Schlüsselbund gelöscht. Ihre Identitätszuordnungen bleiben ohne Verbindung beim Mandanten.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>wb::ui::ScheduleEditorDialog</name>
    <message>
        <source>Add schedule</source>
        <translation>Zeitplan hinzufügen</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, or @daily</source>
        <translation>Minute Stunde Tag-im-Monat Monat Wochentag, oder @daily</translation>
    </message>
    <message>
        <source>Tenants (with their connection to the provider)</source>
        <translation>Mandanten (mit ihrer Verbindung zum Anbieter)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>all, or ids such as 1, 2, 3</source>
        <translation>alle, oder IDs wie 1, 2, 3</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Run once when back</source>
        <translation>Einmal nachholen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Cron expression:</source>
        <translation>&amp;Cron-Ausdruck:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Next ten runs:</source>
        <translation>Nächste zehn Läufe:</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <source>T&amp;argets:</source>
        <translation>Zi&amp;ele:</translation>
    </message>
    <message>
        <source>&amp;Ids:</source>
        <translation>&amp;IDs:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;Smoothing window:</source>
        <translation>&amp;Glättungsfenster:</translation>
    </message>
    <message>
        <source>C&amp;oncurrency limit:</source>
        <translation>Parallelitäts&amp;limit:</translation>
    </message>
    <message>
        <source>&amp;Missed runs:</source>
        <translation>&amp;Verpasste Läufe:</translation>
    </message>
    <message>
        <source> · %1 your time</source>
        <translation> · %1 Ihre Zeit</translation>
    </message>
    <message>
        <source> (moved: the clock skipped that time)</source>
        <translation> (verschoben: die Uhr hat diese Zeit übersprungen)</translation>
    </message>
</context>
<context>
    <name>wb::ui::SchedulesView</name>
    <message>
        <source>No schedules</source>
        <translation>Keine Zeitpläne</translation>
    </message>
    <message>
        <source>A schedule runs a job for every tenant on a cron expression, spread over a smoothing window so neither side&apos;s rate limits break. Add one with &lt;code&gt;wirebench-cli schedules add&lt;/code&gt;.</source>
        <translation>Ein Zeitplan führt nach einem Cron-Ausdruck eine Aufgabe für jeden Mandanten aus, verteilt über ein Glättungsfenster, damit keine Seite ihre Ratenlimits überschreitet. Legen Sie einen mit &lt;code&gt;wirebench-cli schedules add&lt;/code&gt; an.</translation>
    </message>
    <message>
        <source>Add schedule…</source>
        <translation>Zeitplan hinzufügen…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Laufverlauf</translation>
    </message>
    <message>
        <source>Run %1 started: %2 job(s).</source>
        <translation>Lauf %1 gestartet: %2 Auftrag/Aufträge.</translation>
    </message>
    <message>
        <source>Added schedule “%1”.</source>
        <translation>Zeitplan „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
</context>
<context>
    <name>wb::ui::SecretBackendWidget</name>
    <message>
        <source>The OS keychain (keychain)</source>
        <translation>Der Schlüsselbund des Betriebssystems (keychain)</translation>
    </message>
    <message>
        <source>Sealed in the workspace database (sealed)</source>
        <translation>Versiegelt in der Datenbank des Arbeitsbereichs (sealed)</translation>
    </message>
    <message>
        <source>the key file %1</source>
        <translation>Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>the key file %1 (named by %2)</source>
        <translation>Schlüsseldatei %1 (angegeben durch %2)</translation>
    </message>
    <message>
        <source>the OS keychain entry %1</source>
        <translation>Eintrag %1 im Schlüsselbund des Betriebssystems</translation>
    </message>
    <message>
        <source>Move Now</source>
        <translation>Jetzt verschieben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Secrets are kept in:</source>
        <translation>Geheimnisse liegen in:</translation>
    </message>
    <message>
        <source>Stored secrets:</source>
        <translation>Gespeicherte Geheimnisse:</translation>
    </message>
    <message>
        <source>Master key:</source>
        <translation>Hauptschlüssel:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1 in the keychain, %2 sealed</source>
        <translation>%1 im Schlüsselbund, %2 versiegelt</translation>
    </message>
    <message>
        <source>Move Secrets to the Keychain…</source>
        <translation>Geheimnisse in den Schlüsselbund verschieben…</translation>
    </message>
    <message>
        <source>Move Secrets to the Sealed Store…</source>
        <translation>Geheimnisse in den versiegelten Speicher verschieben…</translation>
    </message>
    <message>
        <source>From %1, key id %2</source>
        <translation>Quelle: %1, Schlüssel-ID %2</translation>
    </message>
    <message>
        <source>(not the workspace&apos;s key %1: the secrets cannot be opened with it)</source>
        <translation>(nicht der Schlüssel %1 des Arbeitsbereichs: Die Geheimnisse können damit nicht geöffnet werden)</translation>
    </message>
    <message>
        <source>None yet: moving to the sealed store creates one in the OS keychain.</source>
        <translation>Noch keiner: Das Verschieben in den versiegelten Speicher legt einen im Schlüsselbund des Betriebssystems an.</translation>
    </message>
    <message numerus="yes">
        <source>Move %n secret(s) from the OS keychain into the workspace database, encrypted with the master key?</source>
        <translation>
            <numerusform>%n Geheimnis aus dem Schlüsselbund des Betriebssystems in die Datenbank des Arbeitsbereichs verschieben, verschlüsselt mit dem Hauptschlüssel?</numerusform>
            <numerusform>%n Geheimnisse aus dem Schlüsselbund des Betriebssystems in die Datenbank des Arbeitsbereichs verschieben, verschlüsselt mit dem Hauptschlüssel?</numerusform>
        </translation>
    </message>
    <message>
        <source>A new master key is created in the OS keychain first.</source>
        <translation>Zuerst wird ein neuer Hauptschlüssel im Schlüsselbund des Betriebssystems angelegt.</translation>
    </message>
    <message numerus="yes">
        <source>Move %n secret(s) out of the workspace database into the OS keychain?</source>
        <translation>
            <numerusform>%n Geheimnis aus der Datenbank des Arbeitsbereichs in den Schlüsselbund des Betriebssystems verschieben?</numerusform>
            <numerusform>%n Geheimnisse aus der Datenbank des Arbeitsbereichs in den Schlüsselbund des Betriebssystems verschieben?</numerusform>
        </translation>
    </message>
    <message>
        <source>No secret is written to disk unencrypted. Stop other Wirebench processes that use this workspace first: they must restart to use the new store.</source>
        <translation>Kein Geheimnis wird unverschlüsselt auf die Festplatte geschrieben. Beenden Sie zuerst andere Wirebench-Prozesse, die diesen Arbeitsbereich verwenden: Sie müssen neu starten, um den neuen Speicher zu verwenden.</translation>
    </message>
    <message>
        <source>Moving secrets…</source>
        <translation>Geheimnisse werden verschoben…</translation>
    </message>
    <message>
        <source>a new key</source>
        <translation>ein neuer Schlüssel</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n secret(s) to the %1 store.</source>
        <translation>
            <numerusform>%n Geheimnis in den Speicher „%1“ verschoben.</numerusform>
            <numerusform>%n Geheimnisse in den Speicher „%1“ verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 had no value any more; its reference was dropped.</source>
        <translation>Das %1 hatte keinen Wert mehr; sein Verweis wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>wb::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>127.0.0.1 receives webhooks from this computer only (through a tunnel); another address exposes the receiver to that network.</source>
        <translation>127.0.0.1 empfängt Webhooks nur von diesem Rechner (über einen Tunnel); eine andere Adresse macht den Empfänger in diesem Netzwerk erreichbar.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Default: the workspace in your data folder</source>
        <translation>Standard: der Arbeitsbereich in Ihrem Datenordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>A new workspace opens the next time Wirebench starts.</source>
        <translation>Ein neuer Arbeitsbereich wird beim nächsten Start von Wirebench geöffnet.</translation>
    </message>
    <message>
        <source>Outgoing deliveries (defaults per connection)</source>
        <translation>Ausgehende Zustellungen (Standardwerte pro Verbindung)</translation>
    </message>
    <message>
        <source>&amp;Retry policy:</source>
        <translation>&amp;Wiederholungsrichtlinie:</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> Anfragen/s</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>&amp;Rate:</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>&amp;Burst:</source>
        <translation>&amp;Burst:</translation>
    </message>
    <message>
        <source> in flight</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source>&amp;Concurrency limit:</source>
        <translation>Parallelitäts&amp;limit:</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <source>Default: $WIREBENCH_BROWSER, else the desktop&apos;s browser</source>
        <translation>Standard: $WIREBENCH_BROWSER, sonst der Browser der Desktop-Umgebung</translation>
    </message>
    <message>
        <source>A program and its arguments; the authorization URL is added as the last argument.</source>
        <translation>Ein Programm und seine Argumente; die Autorisierungs-URL wird als letztes Argument angehängt.</translation>
    </message>
    <message>
        <source>Browser &amp;command:</source>
        <translation>Browser-Be&amp;fehl:</translation>
    </message>
    <message>
        <source>Workspace file</source>
        <translation>Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <source>Wirebench workspaces (*.sqlite);;All files (*)</source>
        <translation>Wirebench-Arbeitsbereiche (*.sqlite);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>wb::ui::StatusBarWidgets</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the receiver URL</source>
        <translation>Empfänger-URL kopieren</translation>
    </message>
    <message>
        <source>Receiver stopped</source>
        <translation>Empfänger gestoppt</translation>
    </message>
    <message>
        <source>Receiver: %1</source>
        <translation>Empfänger: %1</translation>
    </message>
    <message>
        <source>External systems send webhooks to %1/hooks/…</source>
        <translation>Externe Systeme senden Webhooks an %1/hooks/…</translation>
    </message>
    <message>
        <source>Queue: %1 pending</source>
        <translation>Warteschlange: %1 ausstehend</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Benötigt Aufmerksamkeit: %1</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Show the connections that need attention</source>
        <translation>Die Verbindungen anzeigen, die Aufmerksamkeit benötigen</translation>
    </message>
    <message>
        <source>Dispatcher starting</source>
        <translation>Zustelldienst startet</translation>
    </message>
</context>
<context>
    <name>wb::ui::TimelineView</name>
    <message>
        <source>Nothing to plot yet</source>
        <translation>Noch nichts darzustellen</translation>
    </message>
    <message>
        <source>The timeline draws each delivery attempt, the wait before the next one (Retry-After, backoff or a rate-limit pause) and how close each connection ran to its rate limit. It fills in as deliveries are attempted.</source>
        <translation>Die Zeitachse zeigt jeden Zustellversuch, die Wartezeit bis zum nächsten (Retry-After, Backoff oder Ratenlimit-Pause) und wie nah jede Verbindung an ihr Ratenlimit kam. Sie füllt sich, sobald Zustellungen versucht werden.</translation>
    </message>
</context>
</TS>
