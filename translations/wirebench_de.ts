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
        <source>Workspace to open (default: $WIREBENCH_WORKSPACE, else the Settings&apos; workspace file, else the one in your data folder).</source>
        <translation>Zu öffnender Arbeitsbereich (Standard: $WIREBENCH_WORKSPACE, sonst die Arbeitsbereichsdatei aus den Einstellungen, sonst die in Ihrem Datenordner).</translation>
    </message>
</context>
<context>
    <name>wb::core::AuthorizationFlow</name>
    <message>
        <source>The authorization for %1 did not complete within %2 seconds.</source>
        <translation>Die Autorisierung für %1 wurde nicht innerhalb von %2 Sekunden abgeschlossen.</translation>
    </message>
    <message>
        <source>This authorization flow has already been started.</source>
        <translation>Dieser Autorisierungsablauf wurde bereits gestartet.</translation>
    </message>
    <message>
        <source>Cannot listen for the authorization redirect on 127.0.0.1.</source>
        <translation>Auf 127.0.0.1 kann nicht auf die Weiterleitung der Autorisierung gewartet werden.</translation>
    </message>
    <message>
        <source>The authorization was cancelled.</source>
        <translation>Die Autorisierung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Authorization not in progress</source>
        <translation>Keine Autorisierung im Gange</translation>
    </message>
    <message>
        <source>Wirebench is not waiting for this authorization any more. Start it again from Wirebench.</source>
        <translation>Wirebench wartet nicht mehr auf diese Autorisierung. Starten Sie sie in Wirebench erneut.</translation>
    </message>
    <message>
        <source>The browser came back with a state that does not belong to this authorization; it was refused (RFC 6749 §10.12).</source>
        <translation>Der Browser kam mit einem state-Wert zurück, der nicht zu dieser Autorisierung gehört; er wurde abgelehnt (RFC 6749 §10.12).</translation>
    </message>
    <message>
        <source>The redirect names the issuer &apos;%1&apos; instead of &apos;%2&apos;; it was refused (RFC 9207).</source>
        <translation>Die Weiterleitung nennt den Aussteller „%1“ statt „%2“; sie wurde abgelehnt (RFC 9207).</translation>
    </message>
    <message>
        <source>%1 did not authorize Wirebench: %2.</source>
        <translation>%1 hat Wirebench nicht autorisiert: %2.</translation>
    </message>
    <message>
        <source>%1 did not authorize Wirebench: %2 (%3).</source>
        <translation>%1 hat Wirebench nicht autorisiert: %2 (%3).</translation>
    </message>
    <message>
        <source>The redirect from %1 carries no authorization code.</source>
        <translation>Die Weiterleitung von %1 enthält keinen Autorisierungscode.</translation>
    </message>
    <message>
        <source>Authorization received</source>
        <translation>Autorisierung erhalten</translation>
    </message>
    <message>
        <source>Wirebench received the authorization for %1 and is completing the connection. You can close this tab and return to Wirebench.</source>
        <translation>Wirebench hat die Autorisierung für %1 erhalten und schließt die Verbindung ab. Sie können diesen Tab schließen und zu Wirebench zurückkehren.</translation>
    </message>
    <message>
        <source>Authorization failed</source>
        <translation>Autorisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Return to Wirebench and start the authorization again.</source>
        <translation>Kehren Sie zu Wirebench zurück und starten Sie die Autorisierung erneut.</translation>
    </message>
</context>
<context>
    <name>wb::core::BrowserLauncher</name>
    <message>
        <source>The browser command &apos;%1&apos; (from %2) is not a command line.</source>
        <translation>Der Browser-Befehl „%1“ (aus %2) ist keine Befehlszeile.</translation>
    </message>
    <message>
        <source>Refusing to open &apos;%1&apos; in a browser: only http and https URLs are opened.</source>
        <translation>„%1“ wird nicht im Browser geöffnet: Nur http- und https-Adressen werden geöffnet.</translation>
    </message>
    <message>
        <source>Cannot start the browser command &apos;%1&apos; (from %2): %3.</source>
        <translation>Der Browser-Befehl „%1“ (aus %2) kann nicht gestartet werden: %3.</translation>
    </message>
</context>
<context>
    <name>wb::core::ConnectionRemover</name>
    <message>
        <source>The tokens of connection %1 were not revoked at the provider: the workspace&apos;s secrets cannot be read (%2).</source>
        <translation>Die Tokens der Verbindung %1 wurden beim Anbieter nicht widerrufen: Die Geheimnisse des Arbeitsbereichs können nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>no secret backend</source>
        <translation>kein Geheimnisspeicher</translation>
    </message>
    <message>
        <source>The tokens of connection %1 were not revoked at the provider: %2</source>
        <translation>Die Tokens der Verbindung %1 wurden beim Anbieter nicht widerrufen: %2</translation>
    </message>
    <message>
        <source>Its tokens were revoked at the provider already; authorize it again to use it.</source>
        <translation>Ihre Tokens wurden beim Anbieter bereits widerrufen; autorisieren Sie sie erneut, um sie zu verwenden.</translation>
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
    <message>
        <source>The verify token &quot;%1&quot; must be at most 200 printable ASCII characters without spaces.</source>
        <translation>Das Verifizierungstoken „%1“ darf höchstens 200 druckbare ASCII-Zeichen ohne Leerzeichen enthalten.</translation>
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
    <name>wb::core::ContentDecoding</name>
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
</context>
<context>
    <name>wb::core::CredentialRefresher</name>
    <message>
        <source>Connection %1 is no longer watched.</source>
        <translation>Verbindung %1 wird nicht mehr überwacht.</translation>
    </message>
    <message>
        <source>Connection %1 has no OAuth credential being looked after.</source>
        <translation>Für Verbindung %1 wird keine OAuth-Berechtigung betreut.</translation>
    </message>
    <message>
        <source>The last refresh of connection %1 failed; the next attempt is at %2.</source>
        <translation>Die letzte Erneuerung von Verbindung %1 ist fehlgeschlagen; der nächste Versuch ist um %2.</translation>
    </message>
    <message>
        <source>Connection %1 has no stored credential; authorize it.</source>
        <translation>Verbindung %1 hat keine gespeicherte Berechtigung; autorisieren Sie sie.</translation>
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
    <name>wb::core::GitHubAppHookClient</name>
    <message>
        <source>&quot;%1&quot; is not a valid API address.</source>
        <translation>„%1“ ist keine gültige API-Adresse.</translation>
    </message>
    <message>
        <source>No answer from GitHub: %1</source>
        <translation>Keine Antwort von GitHub: %1</translation>
    </message>
    <message>
        <source>HTTP %1: GitHub refused the app&apos;s token (%2). Check the app ID and its private key.</source>
        <translation>HTTP %1: GitHub hat das Token der App abgelehnt (%2). Prüfen Sie die App-ID und ihren privaten Schlüssel.</translation>
    </message>
    <message>
        <source>HTTP 404: the app has no webhook.</source>
        <translation>HTTP 404: Die App hat keinen Webhook.</translation>
    </message>
    <message>
        <source>GitHub answered HTTP %1: %2.</source>
        <translation>GitHub antwortete mit HTTP %1: %2.</translation>
    </message>
    <message>
        <source>Its deliveries could not be read (HTTP %1).</source>
        <translation>Seine Zustellungen konnten nicht gelesen werden (HTTP %1).</translation>
    </message>
    <message>
        <source>The app&apos;s webhook has no URL.</source>
        <translation>Der Webhook der App hat keine URL.</translation>
    </message>
    <message>
        <source>The app&apos;s webhook sends to %1, not to %2.</source>
        <translation>Der Webhook der App sendet an %1, nicht an %2.</translation>
    </message>
    <message>
        <source>The app&apos;s webhook sends to %1.</source>
        <translation>Der Webhook der App sendet an %1.</translation>
    </message>
</context>
<context>
    <name>wb::core::GitHubAppJwt</name>
    <message>
        <source>&quot;%1&quot; is not a GitHub App ID or client ID.</source>
        <translation>„%1“ ist keine GitHub-App-ID und keine Client-ID.</translation>
    </message>
    <message>
        <source>A GitHub App token lives 1 to %1 seconds, not %2.</source>
        <translation>Ein GitHub-App-Token gilt 1 bis %1 Sekunden, nicht %2.</translation>
    </message>
    <message>
        <source>The GitHub App&apos;s private key is not an RSA private key in PEM (the .pem file GitHub offers for download).</source>
        <translation>Der private Schlüssel der GitHub-App ist kein privater RSA-Schlüssel im PEM-Format (die .pem-Datei, die GitHub zum Herunterladen anbietet).</translation>
    </message>
    <message>
        <source>OpenSSL could not sign the GitHub App token.</source>
        <translation>OpenSSL konnte das GitHub-App-Token nicht signieren.</translation>
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
    <name>wb::core::HealthAssessment</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>The connection is disabled: not monitored.</source>
        <translation>Die Verbindung ist deaktiviert: keine Überwachung.</translation>
    </message>
    <message>
        <source>Registration %1 is gone at the provider and registering it again failed: %2</source>
        <translation>Registrierung %1 existiert beim Anbieter nicht mehr, und die erneute Registrierung ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Registration %1 is gone at the provider (%2); it will be registered again.</source>
        <translation>Registrierung %1 existiert beim Anbieter nicht mehr (%2); sie wird erneut registriert.</translation>
    </message>
    <message>
        <source>Registration %1 is gone at the provider (%2): no events arrive. Register it again.</source>
        <translation>Registrierung %1 existiert beim Anbieter nicht mehr (%2): Es kommen keine Ereignisse an. Registrieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>Registration %1 expired (%2): no events arrive until it is created again.</source>
        <translation>Registrierung %1 ist abgelaufen (%2): Bis sie neu angelegt wird, kommen keine Ereignisse an.</translation>
    </message>
    <message>
        <source>The provider switched registration %1 off (%2): no events arrive. Switch it on again at the provider.</source>
        <translation>Der Anbieter hat Registrierung %1 abgeschaltet (%2): Es kommen keine Ereignisse an. Schalten Sie sie beim Anbieter wieder ein.</translation>
    </message>
    <message>
        <source>The provider refused our credentials for registration %1 (%2). Authorize the connection again, with the scope that reads webhooks.</source>
        <translation>Der Anbieter hat unsere Zugangsdaten für Registrierung %1 abgelehnt (%2). Autorisieren Sie die Verbindung erneut, mit dem Scope, der Webhooks lesen darf.</translation>
    </message>
    <message>
        <source>Registration %1 could not be checked: %2</source>
        <translation>Registrierung %1 konnte nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>The provider&apos;s last delivery to us failed: %1. Check that the receiver is reachable at %2.</source>
        <translation>Die letzte Zustellung des Anbieters an uns ist fehlgeschlagen: %1. Prüfen Sie, ob der Empfänger unter %2 erreichbar ist.</translation>
    </message>
    <message>
        <source>its address</source>
        <translation>seiner Adresse</translation>
    </message>
    <message>
        <source>Registration %1 expired at %2: no events arrive until it is created again.</source>
        <translation>Registrierung %1 ist am %2 abgelaufen: Bis sie neu angelegt wird, kommen keine Ereignisse an.</translation>
    </message>
    <message>
        <source>Registration %1 expires in %2; renewing it failed: %3</source>
        <translation>Registrierung %1 läuft in %2 ab; die Verlängerung ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Registration %1 expires in %2; it is due for renewal.</source>
        <translation>Registrierung %1 läuft in %2 ab; sie muss verlängert werden.</translation>
    </message>
    <message>
        <source>No events for %1; usually one arrives at least every %2. The registration may be gone or the provider may have stopped sending.</source>
        <translation>Seit %1 keine Ereignisse; üblicherweise kommt mindestens alle %2 eines an. Die Registrierung existiert möglicherweise nicht mehr, oder der Anbieter sendet nicht mehr.</translation>
    </message>
    <message>
        <source>The last %1 events failed verification (%2): the provider probably signs with a rotated secret. Put the current signing secret in Wirebench.</source>
        <translation>Die letzten %1 Ereignisse haben die Prüfung nicht bestanden (%2): Der Anbieter signiert vermutlich mit einem rotierten Geheimnis. Hinterlegen Sie das aktuelle Signaturgeheimnis in Wirebench.</translation>
    </message>
    <message>
        <source>The last %1 %2 handshake(s) were answered with HTTP %3: the provider will not (re)validate the endpoint.</source>
        <translation>Die letzten %1 %2-Handshake(s) wurden mit HTTP %3 beantwortet: Der Anbieter wird den Endpunkt nicht (erneut) validieren.</translation>
    </message>
    <message>
        <source>The provider reported the authorization revoked%1.</source>
        <translation>Der Anbieter hat die Autorisierung als widerrufen gemeldet%1.</translation>
    </message>
    <message>
        <source>The access token could not be refreshed%1: authorize the connection again.</source>
        <translation>Das Zugriffstoken konnte nicht erneuert werden%1: Autorisieren Sie die Verbindung erneut.</translation>
    </message>
    <message>
        <source>The access token expired %1 ago and was not refreshed.</source>
        <translation>Das Zugriffstoken ist vor %1 abgelaufen und wurde nicht erneuert.</translation>
    </message>
    <message>
        <source>The access token expires in %1 and has not been refreshed yet.</source>
        <translation>Das Zugriffstoken läuft in %1 ab und wurde noch nicht erneuert.</translation>
    </message>
    <message>
        <source>The access token expires soon and has not been refreshed yet.</source>
        <translation>Das Zugriffstoken läuft bald ab und wurde noch nicht erneuert.</translation>
    </message>
    <message>
        <source>The provider&apos;s check endpoint refused the access token: %1</source>
        <translation>Der Prüf-Endpunkt des Anbieters hat das Zugriffstoken abgelehnt: %1</translation>
    </message>
    <message>
        <source>Refreshing the access token failed (%1); the next try is in %2.</source>
        <translation>Die Erneuerung des Zugriffstokens ist fehlgeschlagen (%1); der nächste Versuch erfolgt in %2.</translation>
    </message>
    <message>
        <source>Refreshing the access token failed (%1).</source>
        <translation>Die Erneuerung des Zugriffstokens ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>The provider no longer grants %1: authorize the connection again to get them back.</source>
        <translation>Der Anbieter gewährt %1 nicht mehr: Autorisieren Sie die Verbindung erneut, um sie zurückzubekommen.</translation>
    </message>
    <message>
        <source>Registrations, events and credentials look healthy.</source>
        <translation>Registrierungen, Ereignisse und Zugangsdaten sehen gut aus.</translation>
    </message>
    <message>
        <source>Nothing to judge the webhooks by: no registration recorded and too few events received.</source>
        <translation>Nichts, woran sich die Webhooks beurteilen lassen: keine Registrierung erfasst und zu wenige Ereignisse empfangen.</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>The provider removed registration %1 %2 ago (subscriptionRemoved); it will be registered again.</source>
        <translation>Der Anbieter hat die Registrierung %1 vor %2 entfernt (subscriptionRemoved); sie wird erneut registriert.</translation>
    </message>
    <message>
        <source>The provider removed registration %1 %2 ago (subscriptionRemoved): no events arrive. Register it again.</source>
        <translation>Der Anbieter hat die Registrierung %1 vor %2 entfernt (subscriptionRemoved): Es kommen keine Ereignisse an. Registrieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>The provider asked %1 ago to reauthorize registration %2 (reauthorizationRequired); renewing it failed: %3</source>
        <translation>Der Anbieter hat vor %1 verlangt, die Registrierung %2 neu zu autorisieren (reauthorizationRequired); die Verlängerung ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>The provider asked %1 ago to reauthorize registration %2 (reauthorizationRequired); renewing it reauthorizes it, until then deliveries may pause.</source>
        <translation>Der Anbieter hat vor %1 verlangt, die Registrierung %2 neu zu autorisieren (reauthorizationRequired); eine Verlängerung autorisiert sie neu, bis dahin können Zustellungen aussetzen.</translation>
    </message>
    <message>
        <source>The provider could not deliver some notifications of registration %1 (missed, %2 ago): fetch the changes from its API, e.g. with a delta query.</source>
        <translation>Der Anbieter konnte einige Benachrichtigungen der Registrierung %1 nicht zustellen (missed, vor %2): Holen Sie die Änderungen über seine API ab, z. B. mit einer Delta-Abfrage.</translation>
    </message>
    <message>
        <source>The provider&apos;s check endpoint refused the access token %1 ago: %2</source>
        <translation>Der Prüf-Endpunkt des Anbieters hat das Zugriffstoken vor %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>The provider refused the app credential for registration %1 (%2). Store a current one (wirebench-cli secrets set --connection %3 --kind app).</source>
        <translation>Der Anbieter hat die App-Zugangsdaten für die Registrierung %1 abgelehnt (%2). Speichern Sie aktuelle (wirebench-cli secrets set --connection %3 --kind app).</translation>
    </message>
    <message>
        <source>The provider refused our app&apos;s token for registration %1 (%2). Check the connection&apos;s OAuth client (id and secret) and the scopes of the app.</source>
        <translation>Der Anbieter hat das Token unserer App für die Registrierung %1 abgelehnt (%2). Prüfen Sie den OAuth-Client der Verbindung (ID und Geheimnis) und die Scopes der App.</translation>
    </message>
    <message>
        <source>The app&apos;s webhook %1 is gone (%2): no events arrive. Set its URL again in the app&apos;s settings at the provider.</source>
        <translation>Der Webhook %1 der App ist weg (%2): Es kommen keine Ereignisse an. Tragen Sie seine URL in den Einstellungen der App beim Anbieter wieder ein.</translation>
    </message>
</context>
<context>
    <name>wb::core::HealthMonitor</name>
    <message>
        <source>Renewed until %1.</source>
        <translation>Verlängert bis %1.</translation>
    </message>
    <message>
        <source>Registered again as %1 (was %2).</source>
        <translation>Erneut registriert als %1 (vorher %2).</translation>
    </message>
    <message>
        <source>Its new signing secret is stored.</source>
        <translation>Das neue Signaturgeheimnis ist gespeichert.</translation>
    </message>
    <message>
        <source>Its new signing secret could not be stored (%1): roll the secret at the provider.</source>
        <translation>Das neue Signaturgeheimnis konnte nicht gespeichert werden (%1): Rotieren Sie das Geheimnis beim Anbieter.</translation>
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
    <name>wb::core::InboundExaminer</name>
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
    <name>wb::core::MasterKeyCheck</name>
    <message>
        <source>Choose the workspace&apos;s key file.</source>
        <translation>Wählen Sie die Schlüsseldatei des Arbeitsbereichs.</translation>
    </message>
</context>
<context>
    <name>wb::core::MasterKeyRotation</name>
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
</context>
<context>
    <name>wb::core::MasterKeySource</name>
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
    <name>wb::core::OAuth</name>
    <message>
        <source>token info</source>
        <translation>Token-Info</translation>
    </message>
    <message>
        <source>The token info endpoint %1 did not answer with a JSON object.</source>
        <translation>Der Token-Info-Endpunkt %1 hat nicht mit einem JSON-Objekt geantwortet.</translation>
    </message>
    <message>
        <source>The token info endpoint %1 of %2 answered without &apos;%3&apos;, where its profile says the account id is.</source>
        <translation>Der Token-Info-Endpunkt %1 von %2 hat ohne „%3“ geantwortet, wo laut Profil die Konto-ID steht.</translation>
    </message>
    <message>
        <source>The redirect from %1 has no &apos;%2&apos; parameter, where its profile says the account id is.</source>
        <translation>Die Weiterleitung von %1 hat keinen Parameter „%2“, in dem laut Profil die Konto-ID steht.</translation>
    </message>
    <message>
        <source>The authorization of connection %1 (%2) named no external account to map to its tenant.</source>
        <translation>Die Autorisierung von Verbindung %1 (%2) nannte kein externes Konto, das ihrem Mandanten zugeordnet werden könnte.</translation>
    </message>
    <message>
        <source>The %1 account &apos;%2&apos; is already mapped to the tenant &apos;%3&apos;; connection %4 belongs to another tenant. Remove that mapping first if the account moved.</source>
        <translation>Das %1-Konto „%2“ ist bereits dem Mandanten „%3“ zugeordnet; Verbindung %4 gehört einem anderen Mandanten. Entfernen Sie zuerst diese Zuordnung, falls das Konto umgezogen ist.</translation>
    </message>
    <message>
        <source>Mapped when connection %1 was authorized.</source>
        <translation>Zugeordnet, als Verbindung %1 autorisiert wurde.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; %3</source>
        <translation>%1: „%2“ %3</translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation>fehlt.</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>must be an array of strings.</source>
        <translation>muss ein Array von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>does not belong in a file: client secrets are kept in the keychain.</source>
        <translation>gehört nicht in eine Datei: Client-Geheimnisse werden im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>is &apos;%1&apos;; expected none, client_secret_basic or client_secret_post.</source>
        <translation>ist „%1“; erwartet: none, client_secret_basic oder client_secret_post.</translation>
    </message>
    <message>
        <source>must be an object of strings.</source>
        <translation>muss ein Objekt aus Zeichenketten sein.</translation>
    </message>
    <message>
        <source>must be a number of milliseconds, 0 or more.</source>
        <translation>muss eine Anzahl Millisekunden sein, 0 oder mehr.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at offset %3.</source>
        <translation>%1 ist kein gültiges JSON: %2 an Position %3.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>is not a known field.</source>
        <translation>ist kein bekanntes Feld.</translation>
    </message>
    <message>
        <source>is not a URL: &apos;%1&apos;.</source>
        <translation>ist keine URL: „%1“.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>muss true oder false sein.</translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation>muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>is &apos;%1&apos;; expected token_response, id_token, redirect or token_info.</source>
        <translation>ist „%1“; erwartet: token_response, id_token, redirect oder token_info.</translation>
    </message>
    <message>
        <source>is missing; account_id.source token_info needs it.</source>
        <translation>fehlt; account_id.source token_info braucht es.</translation>
    </message>
    <message>
        <source>is not a field of a configuration that names a profile (known: %1).</source>
        <translation>ist kein Feld einer Konfiguration, die ein Profil nennt (bekannt: %1).</translation>
    </message>
    <message>
        <source>the OAuth client stored for connection %1</source>
        <translation>der für Verbindung %1 gespeicherte OAuth-Client</translation>
    </message>
    <message>
        <source>the OAuth client</source>
        <translation>der OAuth-Client</translation>
    </message>
    <message>
        <source>Connection %1 has no OAuth client yet: give the client id of the app registered at the provider.</source>
        <translation>Verbindung %1 hat noch keinen OAuth-Client: Geben Sie die Client-ID der beim Anbieter registrierten App an.</translation>
    </message>
    <message>
        <source>Connection %1 is a %2 connection, but the client configuration is for %3.</source>
        <translation>Verbindung %1 ist eine %2-Verbindung, die Client-Konfiguration ist aber für %3.</translation>
    </message>
    <message>
        <source>Connection %1 has no OAuth client secret stored: %2</source>
        <translation>Für Verbindung %1 ist kein OAuth-Client-Geheimnis gespeichert: %2</translation>
    </message>
    <message>
        <source>The refresh of connection %1 was abandoned (Wirebench is shutting down).</source>
        <translation>Die Erneuerung von Verbindung %1 wurde aufgegeben (Wirebench wird beendet).</translation>
    </message>
    <message>
        <source>The OAuth configuration has no %1.</source>
        <translation>Der OAuth-Konfiguration fehlt %1.</translation>
    </message>
    <message>
        <source>The OAuth %1 &apos;%2&apos; is not an http(s) URL.</source>
        <translation>Der OAuth-%1 „%2“ ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>The account id comes from the token info endpoint, but the OAuth configuration names none.</source>
        <translation>Die Konto-ID kommt vom Token-Info-Endpunkt, aber die OAuth-Konfiguration nennt keinen.</translation>
    </message>
    <message>
        <source>The OAuth configuration has no client id.</source>
        <translation>Die OAuth-Konfiguration hat keine Client-ID.</translation>
    </message>
    <message>
        <source>The client authenticates with %1 but no client secret is set.</source>
        <translation>Der Client authentifiziert sich mit %1, aber es ist kein Client-Geheimnis gesetzt.</translation>
    </message>
    <message>
        <source>The OAuth configuration names an account id source but no path.</source>
        <translation>Die OAuth-Konfiguration nennt eine Quelle für die Konto-ID, aber keinen Pfad.</translation>
    </message>
    <message>
        <source>The account id pattern &apos;%1&apos; must be a valid regular expression with exactly one capture group.</source>
        <translation>Das Muster „%1“ für die Konto-ID muss ein gültiger regulärer Ausdruck mit genau einer Erfassungsgruppe sein.</translation>
    </message>
    <message>
        <source>The expiry margin must not be negative (got %1 ms).</source>
        <translation>Der Ablaufpuffer darf nicht negativ sein (erhalten: %1 ms).</translation>
    </message>
    <message>
        <source>The OAuth client of connection %1 is not stored: it must be a JSON object without a client secret.</source>
        <translation>Der OAuth-Client von Verbindung %1 wird nicht gespeichert: Er muss ein JSON-Objekt ohne Client-Geheimnis sein.</translation>
    </message>
    <message>
        <source>The access token of connection %1 was not read: Wirebench is shutting down.</source>
        <translation>Das Zugriffstoken von Verbindung %1 wurde nicht gelesen: Wirebench wird beendet.</translation>
    </message>
    <message>
        <source>Provider profile %1 (%2): %3</source>
        <translation>Anbieterprofil %1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 needs a value for {%2}; give it with the connection&apos;s OAuth settings.</source>
        <translation>%1 braucht einen Wert für {%2}; geben Sie ihn in den OAuth-Einstellungen der Verbindung an.</translation>
    </message>
    <message>
        <source>the value &apos;%1&apos; for {%2} in %3 contains a character that would change the URL&apos;s host or path.</source>
        <translation>der Wert „%1“ für {%2} in %3 enthält ein Zeichen, das Host oder Pfad der URL ändern würde.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a URL.</source>
        <translation>%1 „%2“ ist keine URL.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a JSON pointer like /team/id.</source>
        <translation>%1 „%2“ ist kein JSON-Pointer wie /team/id.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; has a segment that is empty or contains &apos;.&apos;.</source>
        <translation>%1 „%2“ hat ein Segment, das leer ist oder „.“ enthält.</translation>
    </message>
    <message>
        <source>the provider has no OAuth flow in Wirebench (its profile has no &quot;oauth&quot; section).</source>
        <translation>Der Anbieter hat in Wirebench keinen OAuth-Ablauf (sein Profil hat keinen Abschnitt „oauth“).</translation>
    </message>
    <message>
        <source>the connection has no OAuth client id.</source>
        <translation>Die Verbindung hat keine OAuth-Client-ID.</translation>
    </message>
    <message>
        <source>authorize_url and token_url are both needed for the authorization-code flow.</source>
        <translation>Für den Authorization-Code-Ablauf werden sowohl authorize_url als auch token_url benötigt.</translation>
    </message>
    <message>
        <source>The %1 endpoint of %2 refused the grant: %3. The connection must be authorized again.</source>
        <translation>Der %1-Endpunkt von %2 hat die Berechtigung abgelehnt: %3. Die Verbindung muss erneut autorisiert werden.</translation>
    </message>
    <message>
        <source>The %1 endpoint %2 answered HTTP %3 with the error %4.</source>
        <translation>Der %1-Endpunkt %2 hat mit HTTP %3 und dem Fehler %4 geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach the %1 endpoint %2: %3. Will try again.</source>
        <translation>Der %1-Endpunkt %2 ist nicht erreichbar: %3. Es wird erneut versucht.</translation>
    </message>
    <message>
        <source>The %1 endpoint %2 is unavailable (HTTP %3). Will try again.</source>
        <translation>Der %1-Endpunkt %2 ist nicht verfügbar (HTTP %3). Es wird erneut versucht.</translation>
    </message>
    <message>
        <source>The %1 endpoint %2 answered HTTP %3.</source>
        <translation>Der %1-Endpunkt %2 hat mit HTTP %3 geantwortet.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The token endpoint %1 answered with a body that is neither JSON nor form data (Content-Type &apos;%2&apos;).</source>
        <translation>Der Token-Endpunkt %1 hat mit einem Body geantwortet, der weder JSON noch Formulardaten ist (Content-Type „%2“).</translation>
    </message>
    <message>
        <source>The token endpoint %1 answered without an access_token.</source>
        <translation>Der Token-Endpunkt %1 hat ohne access_token geantwortet.</translation>
    </message>
    <message>
        <source>The token endpoint %1 sent expires_in &apos;%2&apos;, which is not a number of seconds.</source>
        <translation>Der Token-Endpunkt %1 hat expires_in „%2“ gesendet, was keine Anzahl von Sekunden ist.</translation>
    </message>
    <message>
        <source>The token response of %1 has no &apos;%2&apos; %3, where its profile says the account id is.</source>
        <translation>In der Token-Antwort von %1 fehlt „%2“ (%3), wo laut Profil die Konto-ID steht.</translation>
    </message>
    <message>
        <source>claim in the id_token</source>
        <translation>Claim im id_token</translation>
    </message>
    <message>
        <source>field</source>
        <translation>Feld</translation>
    </message>
</context>
<context>
    <name>wb::core::PostgresConnection</name>
    <message>
        <source>The workspace location %1 is not a usable PostgreSQL URL: %2. Write it as postgresql://user@host:port/database.</source>
        <translation>Der Arbeitsbereich-Ort %1 ist keine brauchbare PostgreSQL-URL: %2. Schreiben Sie ihn als postgresql://benutzer@host:port/datenbank.</translation>
    </message>
    <message>
        <source>the scheme must be postgresql</source>
        <translation>das Schema muss postgresql sein</translation>
    </message>
    <message>
        <source>it has a fragment (#…)</source>
        <translation>sie hat ein Fragment (#…)</translation>
    </message>
    <message>
        <source>the database name &quot;%1&quot; contains a slash</source>
        <translation>der Datenbankname „%1“ enthält einen Schrägstrich</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; has no value</source>
        <translation>der Parameter „%1“ hat keinen Wert</translation>
    </message>
    <message>
        <source>give %1 in the URL&apos;s address part, not as a parameter</source>
        <translation>geben Sie %1 im Adressteil der URL an, nicht als Parameter</translation>
    </message>
    <message>
        <source>the value of &quot;%1&quot; contains a space, &apos;;&apos; or a quote</source>
        <translation>der Wert von „%1“ enthält ein Leerzeichen, &apos;;&apos; oder ein Anführungszeichen</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed; on Debian install the package libqt6sql6-psql.</source>
        <translation>Qts PostgreSQL-Treiber (QPSQL) ist nicht installiert; unter Debian installieren Sie das Paket libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>Cannot connect to the PostgreSQL workspace %1: %2</source>
        <translation>Keine Verbindung zum PostgreSQL-Arbeitsbereich %1: %2</translation>
    </message>
    <message>
        <source>Cannot configure the connection to %1 (%2): %3</source>
        <translation>Die Verbindung zu %1 lässt sich nicht einrichten (%2): %3</translation>
    </message>
    <message>
        <source>PostgreSQL refused the login to %1: %2. Put the password into the password file (PGPASSFILE, by default ~/.pgpass, mode 600; https://www.postgresql.org/docs/15/libpq-pgpass.html) or into the OS keychain with: wirebench-cli workspace password set %1</source>
        <translation>PostgreSQL hat die Anmeldung bei %1 abgelehnt: %2. Legen Sie das Passwort in die Passwortdatei (PGPASSFILE, standardmäßig ~/.pgpass, Modus 600; https://www.postgresql.org/docs/15/libpq-pgpass.html) oder mit folgendem Befehl in den Schlüsselbund des Systems: wirebench-cli workspace password set %1</translation>
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
    <message>
        <source>give either account_id (a pointer into the token response) or account_id_claim (an ID Token claim), not both</source>
        <translation>geben Sie entweder account_id (ein Pointer in die Token-Antwort) oder account_id_claim (ein ID-Token-Claim) an, nicht beides</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: provider, you</source>
        <translation>„%1“ ist keiner der Werte: provider, you</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a path below the API base, starting with &quot;/&quot;</source>
        <translation>„%1“ muss ein Pfad unterhalb der API-Basis sein, der mit „/“ beginnt</translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (known: %2)</source>
        <translation>unbekannter Platzhalter {%1} (bekannt: %2)</translation>
    </message>
    <message>
        <source>&quot;active_pointer&quot; and &quot;active_values&quot; go together</source>
        <translation>„active_pointer“ und „active_values“ gehören zusammen</translation>
    </message>
    <message>
        <source>the body must contain {expires_at}</source>
        <translation>der Body muss {expires_at} enthalten</translation>
    </message>
    <message>
        <source>must be less than &quot;lifetime_minutes&quot; (%1)</source>
        <translation>muss kleiner als „lifetime_minutes“ (%1) sein</translation>
    </message>
    <message>
        <source>revoke_request needs a revoke_url</source>
        <translation>revoke_request braucht eine revoke_url</translation>
    </message>
    <message>
        <source>the account id comes either from the token response (token_response) or from the token info endpoint (token_info), not both</source>
        <translation>die Konto-ID kommt entweder aus der Token-Antwort (token_response) oder vom Token-Info-Endpunkt (token_info), nicht aus beiden</translation>
    </message>
    <message>
        <source>not a regular expression: %1</source>
        <translation>kein regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>must be less than &quot;minutes&quot; (%1)</source>
        <translation>muss kleiner als „minutes“ (%1) sein</translation>
    </message>
    <message>
        <source>&quot;lifetimes&quot; need &quot;resource_pointer&quot;</source>
        <translation>„lifetimes“ braucht „resource_pointer“</translation>
    </message>
    <message>
        <source>&quot;list_pointer&quot; and &quot;list_id_pointer&quot; go together</source>
        <translation>„list_pointer“ und „list_id_pointer“ gehören zusammen</translation>
    </message>
    <message>
        <source>&quot;missing_errors&quot; and &quot;denied_errors&quot; need &quot;error_pointer&quot;</source>
        <translation>„missing_errors“ und „denied_errors“ brauchen „error_pointer“</translation>
    </message>
    <message>
        <source>must be access_token, app_credential or client_credentials, not &quot;%1&quot;</source>
        <translation>muss access_token, app_credential oder client_credentials sein, nicht „%1“</translation>
    </message>
    <message>
        <source>an app credential is used: say what it is and where to get it</source>
        <translation>App-Zugangsdaten werden verwendet: Geben Sie an, was sie sind und wo man sie bekommt</translation>
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
    <message>
        <source>Cannot listen on %1 port %2: another program uses it (perhaps another Wirebench).</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: Ein anderes Programm verwendet ihn (vielleicht ein anderes Wirebench).</translation>
    </message>
</context>
<context>
    <name>wb::core::RefreshJob</name>
    <message>
        <source>Another Wirebench process (%1) keeps refreshing connection %2; will try again.</source>
        <translation>Ein anderer Wirebench-Prozess (%1) erneuert gerade Verbindung %2; es wird erneut versucht.</translation>
    </message>
    <message>
        <source>Connection %1 has no stored credential; authorize it.</source>
        <translation>Verbindung %1 hat keine gespeicherte Berechtigung; autorisieren Sie sie.</translation>
    </message>
    <message>
        <source>%1 issued no refresh token for connection %2 and its access token is no longer accepted; authorize it again.</source>
        <translation>%1 hat für Verbindung %2 kein Aktualisierungstoken ausgestellt, und ihr Zugriffstoken wird nicht mehr akzeptiert; autorisieren Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>wb::core::RegistrationAuthorizer</name>
    <message>
        <source>App credentials cannot be read here: no secret store.</source>
        <translation>App-Zugangsdaten können hier nicht gelesen werden: kein Geheimnisspeicher.</translation>
    </message>
    <message>
        <source>Connection %1 has no app credential, which this provider&apos;s registration API needs (store it with &apos;wirebench-cli secrets set --connection %1 --kind app&apos;).</source>
        <translation>Verbindung %1 hat keine App-Zugangsdaten, die die Registrierungs-API dieses Anbieters braucht (speichern Sie sie mit „wirebench-cli secrets set --connection %1 --kind app“).</translation>
    </message>
    <message>
        <source>No connection credentials.</source>
        <translation>Keine Zugangsdaten der Verbindung.</translation>
    </message>
    <message>
        <source>The connection&apos;s credentials could not be read: %1</source>
        <translation>Die Zugangsdaten der Verbindung konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>App tokens cannot be requested here: the OAuth client cannot be read.</source>
        <translation>App-Tokens können hier nicht angefordert werden: Der OAuth-Client kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The provider gave no app token (client credentials at %1): %2</source>
        <translation>Der Anbieter hat kein App-Token ausgestellt (Client Credentials bei %1): %2</translation>
    </message>
</context>
<context>
    <name>wb::core::RegistrationClient</name>
    <message>
        <source>The provider profile declares no registration API: nothing to check.</source>
        <translation>Das Anbieterprofil deklariert keine Registrierungs-API: nichts zu prüfen.</translation>
    </message>
    <message>
        <source>No answer from the provider: %1</source>
        <translation>Keine Antwort vom Anbieter: %1</translation>
    </message>
    <message>
        <source>The provider profile declares no renewal of registrations.</source>
        <translation>Das Anbieterprofil deklariert keine Verlängerung von Registrierungen.</translation>
    </message>
    <message>
        <source>The renewal got no answer: %1</source>
        <translation>Die Verlängerung hat keine Antwort erhalten: %1</translation>
    </message>
    <message>
        <source>The provider refused the renewal (HTTP %1: %2).</source>
        <translation>Der Anbieter hat die Verlängerung abgelehnt (HTTP %1: %2).</translation>
    </message>
    <message>
        <source>The provider profile declares no way to register again.</source>
        <translation>Das Anbieterprofil deklariert keine Möglichkeit zur erneuten Registrierung.</translation>
    </message>
    <message>
        <source>Registration %1 has no stored creation request to send again.</source>
        <translation>Registrierung %1 hat keine gespeicherte Anlageanfrage, die erneut gesendet werden könnte.</translation>
    </message>
    <message>
        <source>The provider did not register again (HTTP %1: %2).</source>
        <translation>Der Anbieter hat nicht erneut registriert (HTTP %1: %2).</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has no registration id at %1.</source>
        <translation>Die Antwort des Anbieters hat keine Registrierungs-ID unter %1.</translation>
    </message>
    <message>
        <source>The connection&apos;s webhook signing secret could not be read: %1</source>
        <translation>Das Webhook-Signaturgeheimnis der Verbindung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>A GitHub App&apos;s webhook is part of the app&apos;s settings on GitHub; it cannot be created again through the API.</source>
        <translation>Der Webhook einer GitHub App gehört zu den Einstellungen der App auf GitHub; er kann nicht über die API neu angelegt werden.</translation>
    </message>
</context>
<context>
    <name>wb::core::RegistrationHttp</name>
    <message>
        <source>The provider&apos;s API address %1 needs a value of this tenant: give the connection&apos;s base URL.</source>
        <translation>Die API-Adresse %1 des Anbieters braucht einen Wert dieses Mandanten: Geben Sie die Basis-URL der Verbindung an.</translation>
    </message>
    <message>
        <source>Registration %1 needs a scope (where it lives at the provider, e.g. repos/octo/hello) for %2.</source>
        <translation>Registrierung %1 braucht für %2 einen Scope (wo sie beim Anbieter liegt, z. B. repos/octo/hello).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL.</source>
        <translation>„%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>HTTP %1: the provider no longer has it</source>
        <translation>HTTP %1: Der Anbieter hat sie nicht mehr</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>The provider answered HTTP %1: %2.</source>
        <translation>Der Anbieter hat mit HTTP %1 geantwortet: %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer is not a JSON object (HTTP %1).</source>
        <translation>Die Antwort des Anbieters ist kein JSON-Objekt (HTTP %1).</translation>
    </message>
    <message>
        <source>The answer has no %1.</source>
        <translation>Die Antwort hat kein %1.</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <source>It expired at %1.</source>
        <translation>Abgelaufen am %1.</translation>
    </message>
    <message>
        <source>Active until %1.</source>
        <translation>Aktiv bis %1.</translation>
    </message>
    <message>
        <source>Active.</source>
        <translation>Aktiv.</translation>
    </message>
    <message>
        <source>Registration %1 needs a scope (where it lives at the provider, e.g. the app id) for the query parameter %2.</source>
        <translation>Registrierung %1 braucht einen Bereich (wo sie beim Anbieter liegt, z. B. die App-ID) für den Query-Parameter %2.</translation>
    </message>
    <message>
        <source>The provider answered the error &quot;%1&quot;.</source>
        <translation>Der Anbieter hat mit dem Fehler „%1“ geantwortet.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has no list at %1.</source>
        <translation>Die Antwort des Anbieters hat keine Liste bei %1.</translation>
    </message>
    <message numerus="yes">
        <source>The provider lists %n registration(s), none with the id %1.</source>
        <translation>
            <numerusform>Der Anbieter listet %n Registrierung, keine mit der ID %1.</numerusform>
            <numerusform>Der Anbieter listet %n Registrierungen, keine mit der ID %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider sends its events nowhere (no address at %1).</source>
        <translation>Der Anbieter sendet seine Ereignisse nirgendwohin (keine Adresse bei %1).</translation>
    </message>
    <message>
        <source>The provider sends to %1, not to %2.</source>
        <translation>Der Anbieter sendet an %1, nicht an %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is not among the first %n registration(s) the provider lists, and it lists more on further pages.</source>
        <translation>
            <numerusform>%1 ist nicht unter der %n Registrierung der ersten Seite des Anbieters, und es gibt weitere Seiten.</numerusform>
            <numerusform>%1 ist nicht unter den %n Registrierungen der ersten Seite des Anbieters, und es gibt weitere Seiten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::core::RegistrationRepository</name>
    <message>
        <source>There is no webhook registration %1.</source>
        <translation>Es gibt keine Webhook-Registrierung %1.</translation>
    </message>
    <message>
        <source>The registration id &quot;%1&quot; must be 1 to 200 characters without control characters.</source>
        <translation>Die Registrierungs-ID „%1“ muss 1 bis 200 Zeichen ohne Steuerzeichen haben.</translation>
    </message>
    <message>
        <source>The scope &quot;%1&quot; may hold only letters, digits and . _ / - (at most 200), e.g. repos/octo/hello.</source>
        <translation>Der Scope „%1“ darf nur Buchstaben, Ziffern und . _ / - enthalten (höchstens 200), z. B. repos/octo/hello.</translation>
    </message>
    <message>
        <source>The target URL &quot;%1&quot; is not an absolute http or https URL.</source>
        <translation>Die Ziel-URL „%1“ ist keine absolute http- oder https-URL.</translation>
    </message>
    <message>
        <source>The event type &quot;%1&quot; must be 1 to 200 characters without commas or control characters.</source>
        <translation>Der Ereignistyp „%1“ muss 1 bis 200 Zeichen ohne Kommas oder Steuerzeichen haben.</translation>
    </message>
    <message>
        <source>The renewal lifetime must be 0 to 527040 minutes, got %1.</source>
        <translation>Die Verlängerungsdauer muss 0 bis 527040 Minuten betragen, erhalten: %1.</translation>
    </message>
    <message>
        <source>Connection %1 already has the registration &quot;%2&quot; (record %3).</source>
        <translation>Verbindung %1 hat bereits die Registrierung „%2“ (Datensatz %3).</translation>
    </message>
</context>
<context>
    <name>wb::core::RunCancellation</name>
    <message>
        <source>Run %1 has already finished (%2); only a running run can be cancelled.</source>
        <translation>Lauf %1 ist bereits beendet (%2); nur ein laufender Lauf kann abgebrochen werden.</translation>
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
        <source>The master key from %1 (key id %2) is not this workspace&apos;s master key (key id %3): its secrets cannot be opened with it. Nothing was written; give the workspace&apos;s own key file.</source>
        <translation>Der Hauptschlüssel aus %1 (Schlüssel-ID %2) ist nicht der Hauptschlüssel dieses Arbeitsbereichs (Schlüssel-ID %3): Seine Geheimnisse lassen sich damit nicht öffnen. Es wurde nichts geschrieben; geben Sie die Schlüsseldatei des Arbeitsbereichs an.</translation>
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
    <message>
        <source>app credential</source>
        <translation>App-Zugangsdaten</translation>
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
    <name>wb::core::SecretStoreFactory</name>
    <message>
        <source>This workspace keeps its secrets sealed, and no master key was loaded for it.</source>
        <translation>Dieser Arbeitsbereich speichert seine Geheimnisse versiegelt, und für ihn wurde kein Hauptschlüssel geladen.</translation>
    </message>
    <message>
        <source>This workspace keeps its secrets in the &quot;%1&quot; backend, which this version of Wirebench does not provide.</source>
        <translation>Dieser Arbeitsbereich speichert seine Geheimnisse im Backend „%1“, das diese Wirebench-Version nicht bietet.</translation>
    </message>
</context>
<context>
    <name>wb::core::Settings</name>
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
    <message>
        <source>“%1” is not a public URL such as https://abc.ngrok.app: an http or https address with a host and no query.</source>
        <translation>„%1“ ist keine öffentliche URL wie https://abc.ngrok.app: eine http- oder https-Adresse mit Host und ohne Query.</translation>
    </message>
    <message>
        <source>Most providers only call https URLs; %1 is plain http.</source>
        <translation>Die meisten Anbieter rufen nur https-URLs auf; %1 ist einfaches http.</translation>
    </message>
</context>
<context>
    <name>wb::core::SharedRateLimit</name>
    <message>
        <source>The rate limit of connection %1 must be above 0 per second with a burst of at least 1 (got %2/s, burst %3).</source>
        <translation>Das Ratenlimit der Verbindung %1 muss über 0 pro Sekunde liegen, mit einem Burst von mindestens 1 (erhalten: %2/s, Burst %3).</translation>
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
    <name>wb::core::TokenRevoker</name>
    <message>
        <source>revocation</source>
        <translation>Revocation</translation>
    </message>
    <message>
        <source>%1 The stored tokens were removed all the same.</source>
        <translation>%1 Die gespeicherten Tokens wurden trotzdem entfernt.</translation>
    </message>
    <message>
        <source>Cannot reach the revocation endpoint %1: %2.</source>
        <translation>Der Widerrufs-Endpunkt %1 ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>The revocation endpoint %1 is unavailable (HTTP %2).</source>
        <translation>Der Widerrufs-Endpunkt %1 ist nicht verfügbar (HTTP %2).</translation>
    </message>
    <message>
        <source>The provider says: %1</source>
        <translation>Der Anbieter meldet: %1</translation>
    </message>
    <message>
        <source>The %1 revocation request authenticates with the client secret, and the connection&apos;s client has none. The stored tokens were removed all the same.</source>
        <translation>Die Widerrufsanfrage von %1 authentifiziert sich mit dem Client-Geheimnis, und der Client der Verbindung hat keines. Die gespeicherten Tokens wurden trotzdem entfernt.</translation>
    </message>
</context>
<context>
    <name>wb::core::ValidityChecker</name>
    <message>
        <source>The %1 profile has no check endpoint.</source>
        <translation>Das Profil von %1 hat keinen Prüf-Endpunkt.</translation>
    </message>
    <message>
        <source>Connection %1 is not watched.</source>
        <translation>Verbindung %1 wird nicht überwacht.</translation>
    </message>
    <message>
        <source>Connection %1 is no longer watched.</source>
        <translation>Verbindung %1 wird nicht mehr überwacht.</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüf</translation>
    </message>
    <message>
        <source>The check endpoint accepted the access token (HTTP %1).</source>
        <translation>Der Prüf-Endpunkt hat das Zugriffstoken akzeptiert (HTTP %1).</translation>
    </message>
    <message>
        <source>The check endpoint refused even a freshly refreshed access token (HTTP 401); authorize the connection again.</source>
        <translation>Der Prüf-Endpunkt hat sogar ein frisch erneuertes Zugriffstoken abgelehnt (HTTP 401); autorisieren Sie die Verbindung erneut.</translation>
    </message>
</context>
<context>
    <name>wb::core::WorkspacePassword</name>
    <message>
        <source>The OS keychain did not answer within %1 s when asked for the password of %2.</source>
        <translation>Der Schlüsselbund des Systems hat auf die Frage nach dem Passwort von %2 nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>Cannot read the password of %1 from the OS keychain: %2</source>
        <translation>Das Passwort von %1 kann nicht aus dem Schlüsselbund des Systems gelesen werden: %2</translation>
    </message>
    <message>
        <source>The password for %1 is empty: nothing was stored.</source>
        <translation>Das Passwort für %1 ist leer: Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 s when storing the password of %2.</source>
        <translation>Der Schlüsselbund des Systems hat beim Speichern des Passworts von %2 nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>Cannot store the password of %1 in the OS keychain: %2</source>
        <translation>Das Passwort von %1 kann nicht im Schlüsselbund des Systems gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 s when removing the password of %2.</source>
        <translation>Der Schlüsselbund des Systems hat beim Entfernen des Passworts von %2 nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>Cannot remove the password of %1 from the OS keychain: %2</source>
        <translation>Das Passwort von %1 kann nicht aus dem Schlüsselbund des Systems entfernt werden: %2</translation>
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
    <name>wb::gui::ConnectionActions</name>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>Cannot authorize the connection</source>
        <translation>Die Verbindung kann nicht autorisiert werden</translation>
    </message>
    <message>
        <source>The workspace&apos;s secrets are not open, so no token could be stored. See the status bar for why.</source>
        <translation>Die Geheimnisse des Arbeitsbereichs sind nicht geöffnet, daher könnte kein Token gespeichert werden. Den Grund zeigt die Statusleiste.</translation>
    </message>
    <message>
        <source>The connection is authorized, but its token will not be refreshed</source>
        <translation>Die Verbindung ist autorisiert, aber ihr Token wird nicht erneuert</translation>
    </message>
    <message>
        <source>Authorized %1.</source>
        <translation>%1 ist autorisiert.</translation>
    </message>
    <message>
        <source>Cannot refresh the access token</source>
        <translation>Das Zugriffstoken kann nicht erneuert werden</translation>
    </message>
    <message>
        <source>The workspace&apos;s OAuth service is not running (its secrets are not open).</source>
        <translation>Der OAuth-Dienst des Arbeitsbereichs läuft nicht (seine Geheimnisse sind nicht geöffnet).</translation>
    </message>
    <message>
        <source>Refreshing the access token of %1…</source>
        <translation>Das Zugriffstoken von %1 wird erneuert …</translation>
    </message>
    <message>
        <source>Cannot refresh the access token of %1</source>
        <translation>Das Zugriffstoken von %1 kann nicht erneuert werden</translation>
    </message>
    <message>
        <source>Refreshed the access token of %1; it expires at %2.</source>
        <translation>Das Zugriffstoken von %1 wurde erneuert; es läuft am %2 ab.</translation>
    </message>
    <message>
        <source>Refreshed the access token of %1.</source>
        <translation>Das Zugriffstoken von %1 wurde erneuert.</translation>
    </message>
    <message>
        <source>No browser opened: copy the address from the dialog.</source>
        <translation>Es hat sich kein Browser geöffnet: Kopieren Sie die Adresse aus dem Dialog.</translation>
    </message>
    <message>
        <source>The browser command failed: %1</source>
        <translation>Der Browser-Befehl ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the secret backend is not open</source>
        <translation>der Geheimnisspeicher ist nicht geöffnet</translation>
    </message>
    <message>
        <source>%1

The provider may still accept them until they expire; revoke the app&apos;s access in the provider&apos;s settings to be sure.</source>
        <translation>%1

Der Anbieter akzeptiert sie möglicherweise noch, bis sie ablaufen; widerrufen Sie den Zugriff der App in den Einstellungen des Anbieters, um sicherzugehen.</translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>%1 was removed, but its tokens were not revoked</source>
        <translation>%1 wurde entfernt, aber seine Tokens wurden nicht widerrufen</translation>
    </message>
    <message>
        <source>Removed %1; its tokens were revoked at the provider.</source>
        <translation>%1 entfernt; seine Tokens wurden beim Anbieter widerrufen.</translation>
    </message>
    <message>
        <source>Removed %1; the provider has no revocation endpoint, so its tokens were only deleted here.</source>
        <translation>%1 entfernt; der Anbieter hat keinen Widerrufs-Endpunkt, daher wurden seine Tokens nur hier gelöscht.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>Cannot remove the tenant</source>
        <translation>Der Mandant kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>The tenant was removed, but some tokens were not revoked</source>
        <translation>Der Mandant wurde entfernt, aber einige Tokens wurden nicht widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>Removed the tenant and its %n connection(s).</source>
        <translation>
            <numerusform>Mandant und seine %n Verbindung entfernt.</numerusform>
            <numerusform>Mandant und seine %n Verbindungen entfernt.</numerusform>
        </translation>
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
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Cannot check the webhook registrations</source>
        <translation>Die Webhook-Registrierungen können nicht geprüft werden</translation>
    </message>
    <message>
        <source>WIREBENCH_WORKSPACE names the workspace (%1); the Settings&apos; workspace file applies where it is not set.</source>
        <translation>WIREBENCH_WORKSPACE bestimmt den Arbeitsbereich (%1); die Arbeitsbereichsdatei aus den Einstellungen gilt, wo es nicht gesetzt ist.</translation>
    </message>
    <message>
        <source>Starting the dispatcher…</source>
        <translation>Zusteller wird gestartet…</translation>
    </message>
    <message>
        <source>Port %1 is in use (another Wirebench or wirebench-cli serve?): receiving on port %2 instead. Webhooks sent to port %1 reach the other program.</source>
        <translation>Port %1 ist belegt (ein anderes Wirebench oder wirebench-cli serve?): Empfang stattdessen auf Port %2. Webhooks an Port %1 erreichen das andere Programm.</translation>
    </message>
    <message>
        <source>The workspace&apos;s secrets are not open.</source>
        <translation>Die Geheimnisse des Arbeitsbereichs sind nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>wb::models::AttemptListModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
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
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>wb::models::BulkRedelivery</name>
    <message>
        <source>More than %1 events are selected: narrow the filter.</source>
        <translation>Mehr als %1 Ereignisse sind ausgewählt: Grenzen Sie den Filter ein.</translation>
    </message>
    <message>
        <source>handshakes are not forwarded</source>
        <translation>Handshakes werden nicht weitergeleitet</translation>
    </message>
    <message>
        <source>failed verification</source>
        <translation>Prüfung nicht bestanden</translation>
    </message>
    <message>
        <source>no tenant or connection resolved</source>
        <translation>kein Mandant und keine Verbindung ermittelt</translation>
    </message>
    <message>
        <source>the connection has no forward target</source>
        <translation>die Verbindung hat kein Weiterleitungsziel</translation>
    </message>
    <message>
        <source>already being forwarded</source>
        <translation>wird bereits weitergeleitet</translation>
    </message>
    <message>
        <source>the method is not POST, PUT, PATCH or DELETE</source>
        <translation>die Methode ist nicht POST, PUT, PATCH oder DELETE</translation>
    </message>
    <message>
        <source>no longer in the workspace</source>
        <translation>nicht mehr im Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>wb::models::DeliveryListModel</name>
    <message>
        <source>retrying</source>
        <translation>wird wiederholt</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>dead-lettered</source>
        <translation>Dead-Letter</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>ad hoc</source>
        <translation>ad hoc</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last status</source>
        <translation>Letzter Status</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>wb::models::DispatchPolicySimulator</name>
    <message>
        <source>Wirebench default (exponential, full jitter)</source>
        <translation>Wirebench-Standard (exponentiell, Full Jitter)</translation>
    </message>
    <message>
        <source>Svix schedule</source>
        <translation>Svix-Zeitplan</translation>
    </message>
    <message>
        <source>Standard Webhooks schedule</source>
        <translation>Standard-Webhooks-Zeitplan</translation>
    </message>
    <message>
        <source>Convoy exponential</source>
        <translation>Convoy exponentiell</translation>
    </message>
    <message>
        <source>Delivery %1 has no attempts to replay</source>
        <translation>Zustellung %1 hat keine Versuche zum erneuten Abspielen</translation>
    </message>
</context>
<context>
    <name>wb::models::EditedRequest</name>
    <message>
        <source>Header line %1: expected &quot;Name: value&quot;, got &quot;%2&quot;.</source>
        <translation>Header-Zeile %1: „Name: Wert“ erwartet, erhalten: „%2“.</translation>
    </message>
    <message>
        <source>removed header %1</source>
        <translation>Header %1 entfernt</translation>
    </message>
    <message>
        <source>changed header %1</source>
        <translation>Header %1 geändert</translation>
    </message>
    <message>
        <source>added header %1</source>
        <translation>Header %1 hinzugefügt</translation>
    </message>
    <message>
        <source>body changed (%1 → %2 bytes)</source>
        <translation>Body geändert (%1 → %2 Bytes)</translation>
    </message>
    <message>
        <source>sent unsigned</source>
        <translation>unsigniert gesendet</translation>
    </message>
    <message>
        <source>sent unsigned (removed %1)</source>
        <translation>unsigniert gesendet (%1 entfernt)</translation>
    </message>
    <message>
        <source>signature deliberately corrupted (%1)</source>
        <translation>Signatur absichtlich verfälscht (%1)</translation>
    </message>
    <message>
        <source>re-signed with the connection&apos;s secret (%1)</source>
        <translation>mit dem Geheimnis der Verbindung neu signiert (%1)</translation>
    </message>
</context>
<context>
    <name>wb::models::HealthBadgeProxy</name>
    <message>
        <source>Webhook health: %1</source>
        <translation>Webhook-Zustand: %1</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>Maßnahme: %1</translation>
    </message>
</context>
<context>
    <name>wb::models::HealthModel</name>
    <message>
        <source>Renew the registration</source>
        <translation>Registrierung verlängern</translation>
    </message>
    <message>
        <source>Register again</source>
        <translation>Erneut registrieren</translation>
    </message>
    <message>
        <source>Switch on at the provider</source>
        <translation>Beim Anbieter einschalten</translation>
    </message>
    <message>
        <source>Authorize again</source>
        <translation>Erneut autorisieren</translation>
    </message>
    <message>
        <source>Refresh the token</source>
        <translation>Token erneuern</translation>
    </message>
    <message>
        <source>Rotate the signing secret</source>
        <translation>Signaturgeheimnis rotieren</translation>
    </message>
    <message>
        <source>Check the receiver</source>
        <translation>Empfänger prüfen</translation>
    </message>
    <message>
        <source>Investigate</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Achtung</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>kein Prüfergebnis</translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <source>Access token checked %1 UTC: %2%3.</source>
        <translation>Zugriffstoken geprüft %1 UTC: %2%3.</translation>
    </message>
    <message>
        <source>Access token checked %1 UTC: %2%3. %4</source>
        <translation>Zugriffstoken geprüft %1 UTC: %2%3. %4</translation>
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
    <name>wb::models::InboundEventListModel</name>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>— (handshake)</source>
        <translation>— (Handshake)</translation>
    </message>
    <message>
        <source>— (no identity mapping)</source>
        <translation>— (keine Identitätszuordnung)</translation>
    </message>
    <message>
        <source>— (%1 not mapped)</source>
        <translation>— (%1 nicht zugeordnet)</translation>
    </message>
    <message>
        <source>— (no account id in the payload)</source>
        <translation>— (keine Konto-ID in der Payload)</translation>
    </message>
    <message>
        <source>— (empty account id)</source>
        <translation>— (leere Konto-ID)</translation>
    </message>
    <message>
        <source>— (not resolved)</source>
        <translation>— (nicht ermittelt)</translation>
    </message>
    <message>
        <source>tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>handshake: %1</source>
        <translation>Handshake: %1</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>unsigniert</translation>
    </message>
    <message>
        <source>not forwarded</source>
        <translation>nicht weitergeleitet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>queued (delivery %1)</source>
        <translation>eingereiht (Zustellung %1)</translation>
    </message>
    <message>
        <source>forwarded (%1×)</source>
        <translation>weitergeleitet (%1×)</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>weitergeleitet</translation>
    </message>
    <message>
        <source>forwarding failed</source>
        <translation>Weiterleitung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Weiterleitung</translation>
    </message>
</context>
<context>
    <name>wb::models::RegistrationListModel</name>
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
        <source>Recorded at onboarding</source>
        <translation>Beim Einrichten erfasst</translation>
    </message>
    <message>
        <source>Read from the provider&apos;s API</source>
        <translation>Über die API des Anbieters gelesen</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Von Hand eingetragen</translation>
    </message>
    <message>
        <source>renewed</source>
        <translation>verlängert</translation>
    </message>
    <message>
        <source>renewal failed</source>
        <translation>Verlängerung fehlgeschlagen</translation>
    </message>
    <message>
        <source>registered again</source>
        <translation>erneut registriert</translation>
    </message>
    <message>
        <source>registering again failed</source>
        <translation>erneutes Registrieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>The workspace is closed.</source>
        <translation>Der Arbeitsbereich ist geschlossen.</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled at the provider</source>
        <translation>beim Anbieter deaktiviert</translation>
    </message>
    <message>
        <source>missing at the provider</source>
        <translation>beim Anbieter nicht vorhanden</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>check failed</source>
        <translation>Prüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>läuft nicht ab</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>%1 (expired %2 ago)</source>
        <translation>%1 (vor %2 abgelaufen)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>nicht erlaubt</translation>
    </message>
    <message>
        <source>Target URL: %1</source>
        <translation>Ziel-URL: %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>keine erfasst</translation>
    </message>
    <message>
        <source>State: %1 (checked %2, %3).</source>
        <translation>Zustand: %1 (geprüft %2, %3).</translation>
    </message>
    <message>
        <source>State: %1.</source>
        <translation>Zustand: %1.</translation>
    </message>
    <message>
        <source>The provider&apos;s last delivery: %1.</source>
        <translation>Letzte Zustellung des Anbieters: %1.</translation>
    </message>
    <message>
        <source>Last action: %1.</source>
        <translation>Letzte Maßnahme: %1.</translation>
    </message>
    <message>
        <source>Renewal asks for %1 minutes.</source>
        <translation>Die Verlängerung verlangt %1 Minuten.</translation>
    </message>
    <message>
        <source>Renewal asks for the provider profile&apos;s lifetime.</source>
        <translation>Die Verlängerung verlangt die Laufzeit aus dem Anbieterprofil.</translation>
    </message>
    <message>
        <source>No registration body stored: it cannot be registered again automatically.</source>
        <translation>Kein Registrierungs-Body gespeichert: Sie kann nicht automatisch erneut registriert werden.</translation>
    </message>
    <message numerus="yes">
        <source>Registration body: %n byte(s) stored, sent again to register it anew.</source>
        <translation>
            <numerusform>Registrierungs-Body: %n Byte gespeichert, wird zum erneuten Registrieren wieder gesendet.</numerusform>
            <numerusform>Registrierungs-Body: %n Bytes gespeichert, werden zum erneuten Registrieren wieder gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2.</source>
        <translation>%1 am %2.</translation>
    </message>
    <message>
        <source>%1
Last checked %2 (%3).</source>
        <translation>%1
Zuletzt geprüft %2 (%3).</translation>
    </message>
    <message>
        <source>%1
Never checked.</source>
        <translation>%1
Nie geprüft.</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>Target URL</source>
        <translation>Ziel-URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Letzte Maßnahme</translation>
    </message>
    <message>
        <source>Re-register</source>
        <translation>Erneut registrieren</translation>
    </message>
</context>
<context>
    <name>wb::models::RequestDissection</name>
    <message>
        <source>{1 member}</source>
        <translation>{1 Element}</translation>
    </message>
    <message>
        <source>{%1 members}</source>
        <translation>{%1 Elemente}</translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 Eintrag]</translation>
    </message>
    <message>
        <source>[%1 items]</source>
        <translation>[%1 Einträge]</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Request line</source>
        <translation>Anfragezeile</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Request target</source>
        <translation>Anfrageziel</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>1 field</source>
        <translation>1 Feld</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation>%1 Felder</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>%1, %2-encoded</source>
        <translation>%1, %2-kodiert</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>wb::models::RequestExport</name>
    <message>
        <source>%1 does not start with an HTTP request line such as &quot;POST /hooks/7 HTTP/1.1&quot;.</source>
        <translation>%1 beginnt nicht mit einer HTTP-Anfragezeile wie „POST /hooks/7 HTTP/1.1“.</translation>
    </message>
    <message>
        <source>%1 has no empty line after its header fields.</source>
        <translation>%1 hat nach seinen Header-Feldern keine Leerzeile.</translation>
    </message>
    <message>
        <source>%1, line %2: expected &quot;Name: value&quot;.</source>
        <translation>%1, Zeile %2: „Name: Wert“ erwartet.</translation>
    </message>
</context>
<context>
    <name>wb::models::RequestTreeModel</name>
    <message>
        <source>A later member with the same name overrides this one in most JSON parsers (the last one wins).</source>
        <translation>Ein späteres Element mit demselben Namen überschreibt dieses in den meisten JSON-Parsern (das letzte gewinnt).</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
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
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
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
    <message>
        <source>tenant %1 (removed)</source>
        <translation>Mandant %1 (entfernt)</translation>
    </message>
    <message>
        <source>connection %1 (removed)</source>
        <translation>Verbindung %1 (entfernt)</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 cancelled, %4 skipped of %5</source>
        <translation>%1 erfolgreich, %2 fehlgeschlagen, %3 abgebrochen, %4 übersprungen von %5</translation>
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
    <name>wb::models::TimelineSource</name>
    <message>
        <source>(no connection)</source>
        <translation>(keine Verbindung)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant, connection or delivery id of this workspace</source>
        <translation>„%1“ ist keine Mandanten-, Verbindungs- oder Zustellungs-ID dieses Arbeitsbereichs</translation>
    </message>
    <message>
        <source>More than %1 attempts in this range: choose a shorter range or one tenant or connection</source>
        <translation>Mehr als %1 Versuche in diesem Zeitraum: Wählen Sie einen kürzeren Zeitraum oder einen Mandanten bzw. eine Verbindung</translation>
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
    <name>wb::ui::AccountPage</name>
    <message>
        <source>External account</source>
        <translation>Externes Konto</translation>
    </message>
    <message>
        <source>The account is mapped to another tenant.</source>
        <translation>Das Konto ist einem anderen Mandanten zugeordnet.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The connection is authorized, but the %1 account you signed in with already belongs to another tenant. Its webhooks keep going to that tenant.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;If the account really moved to %3, remove the other tenant&apos;s identity mapping (Connection page ▸ Identity mappings) and authorize again. Otherwise sign in with %3&apos;s own account.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Verbindung ist autorisiert, aber das %1-Konto, mit dem Sie sich angemeldet haben, gehört bereits zu einem anderen Mandanten. Seine Webhooks gehen weiterhin an diesen Mandanten.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Wenn das Konto wirklich zu %3 gewechselt ist, entfernen Sie die Identitätszuordnung des anderen Mandanten (Verbindungsseite ▸ Identitätszuordnungen) und autorisieren Sie erneut. Andernfalls melden Sie sich mit dem eigenen Konto von %3 an.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 named no account.</source>
        <translation>%1 hat kein Konto genannt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 did not say which account authorized, so no identity mapping was created. Webhooks sent to this connection&apos;s own URL (next page) still reach %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 hat nicht mitgeteilt, welches Konto autorisiert hat, daher wurde keine Identitätszuordnung angelegt. Webhooks, die an die eigene URL dieser Verbindung (nächste Seite) gesendet werden, erreichen weiterhin %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Events of this account now go to %1.</source>
        <translation>Ereignisse dieses Kontos gehen jetzt an %1.</translation>
    </message>
    <message>
        <source>&lt;p&gt;External %1 account: &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Externes %1-Konto: &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Identity mapping %1: %2 account %3 → tenant %4. Webhooks that name this account are routed to %4, also those sent to a provider-wide URL.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Identitätszuordnung %1: %2-Konto %3 → Mandant %4. Webhooks, die dieses Konto nennen, werden an %4 geleitet, auch solche, die an eine anbieterweite URL gesendet werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Granted scopes: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gewährte Berechtigungen: %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>wb::ui::AppCredentialDialog</name>
    <message>
        <source>&amp;Load from file…</source>
        <translation>&amp;Aus Datei laden…</translation>
    </message>
    <message>
        <source>App credential</source>
        <translation>App-Zugangsdaten</translation>
    </message>
    <message>
        <source>the key or token, or load a .pem file</source>
        <translation>der Schlüssel oder das Token, oder laden Sie eine .pem-Datei</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Load the app credential</source>
        <translation>App-Zugangsdaten laden</translation>
    </message>
    <message>
        <source>Keys (*.pem *.key *.txt);;All files (*)</source>
        <translation>Schlüssel (*.pem *.key *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 64 KiB: not a key or token.</source>
        <translation>%1 ist größer als 64 KiB: kein Schlüssel und kein Token.</translation>
    </message>
    <message>
        <source>Paste the credential, or load it from a file.</source>
        <translation>Fügen Sie die Zugangsdaten ein oder laden Sie sie aus einer Datei.</translation>
    </message>
    <message>
        <source>The credential is %1 bytes; at most 64 KiB are kept.</source>
        <translation>Die Zugangsdaten haben %1 Bytes; höchstens 64 KiB werden gespeichert.</translation>
    </message>
    <message>
        <source>The credential was not stored: %1</source>
        <translation>Die Zugangsdaten wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Wirebench checks this connection&apos;s webhook registrations at %1 with your app&apos;s own credential, not the tenant&apos;s token. Paste %2.

It goes to the workspace&apos;s secret store and replaces the one stored before; it is not shown again.</source>
        <translation>Wirebench prüft die Webhook-Registrierungen dieser Verbindung bei %1 mit den eigenen Zugangsdaten Ihrer App, nicht mit dem Token des Mandanten. Fügen Sie ein: %2.

Sie kommen in den Geheimnisspeicher des Arbeitsbereichs und ersetzen die zuvor gespeicherten; sie werden nicht wieder angezeigt.</translation>
    </message>
</context>
<context>
    <name>wb::ui::AttemptTooltip</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>No response (%1)</source>
        <translation>Keine Antwort (%1)</translation>
    </message>
    <message>
        <source>Attempts here</source>
        <translation>Versuche hier</translation>
    </message>
    <message>
        <source>%1 (%2) from %3 to %4; the first one:</source>
        <translation>%1 (%2) von %3 bis %4; der erste:</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>%1, attempt %2</source>
        <translation>%1, Versuch %2</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Retry-After</source>
        <translation>Retry-After</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>%1 of %2 remaining</source>
        <translation>%1 von %2 verbleibend</translation>
    </message>
    <message>
        <source>%1 remaining</source>
        <translation>%1 verbleibend</translation>
    </message>
    <message>
        <source>Token bucket</source>
        <translation>Token-Bucket</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlangentiefe</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengefasst</translation>
    </message>
    <message>
        <source>%1 waits at this zoom level; zoom in to separate them</source>
        <translation>%1 Wartezeiten bei dieser Zoomstufe; vergrößern Sie, um sie zu trennen</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>attempt %1 of delivery %2 (%3)</source>
        <translation>Versuch %1 von Zustellung %2 (%3)</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>no next attempt yet</source>
        <translation>noch kein nächster Versuch</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Would send</source>
        <translation>Würde senden</translation>
    </message>
    <message>
        <source>Assumed status</source>
        <translation>Angenommener Status</translation>
    </message>
    <message>
        <source>Simulated: %1</source>
        <translation>Simuliert: %1</translation>
    </message>
</context>
<context>
    <name>wb::ui::AuthorizationDialog</name>
    <message>
        <source>Authorize in browser</source>
        <translation>Im Browser autorisieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Authorizing %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 wird autorisiert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 was not authorized&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 wurde nicht autorisiert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What happened, and what to do:</source>
        <translation>Was passiert ist und was zu tun ist:</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is authorized&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 ist autorisiert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Wirebench keeps the tokens in the keychain and the connection ready for deliveries.</source>
        <translation>Wirebench bewahrt die Tokens im Schlüsselbund auf und hält die Verbindung für Zustellungen bereit.</translation>
    </message>
    <message>
        <source>External account: %1</source>
        <translation>Externes Konto: %1</translation>
    </message>
    <message>
        <source>Identity mapping %1 routes this account&apos;s events to the tenant.</source>
        <translation>Die Identitätszuordnung %1 leitet die Ereignisse dieses Kontos an den Mandanten.</translation>
    </message>
    <message>
        <source>Granted scopes: %1</source>
        <translation>Gewährte Berechtigungen: %1</translation>
    </message>
    <message>
        <source>The access token expires at %1; Wirebench refreshes it ahead of time.</source>
        <translation>Das Zugriffstoken läuft am %1 ab; Wirebench erneuert es rechtzeitig vorher.</translation>
    </message>
    <message>
        <source>The access token expires at %1 and cannot be refreshed: authorize again then.</source>
        <translation>Das Zugriffstoken läuft am %1 ab und kann nicht erneuert werden: Autorisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>The browser did not come back in time. Start again and finish signing in within five minutes.</source>
        <translation>Der Browser ist nicht rechtzeitig zurückgekommen. Beginnen Sie erneut und schließen Sie die Anmeldung innerhalb von fünf Minuten ab.</translation>
    </message>
    <message>
        <source>You cancelled the authorization. Nothing was stored.</source>
        <translation>Sie haben die Autorisierung abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The provider or the person signing in refused access. Check the app&apos;s scopes and that the account may install it.</source>
        <translation>Der Anbieter oder die anmeldende Person hat den Zugriff verweigert. Prüfen Sie die Berechtigungen der App und ob das Konto sie installieren darf.</translation>
    </message>
    <message>
        <source>The connection&apos;s OAuth client is missing or wrong: enter the client id of the app registered at the provider (Add connection… walks you through it).</source>
        <translation>Der OAuth-Client der Verbindung fehlt oder ist falsch: Geben Sie die Client-ID der beim Anbieter registrierten App ein („Verbindung hinzufügen …“ führt Sie hindurch).</translation>
    </message>
    <message>
        <source>The OAuth client secret is not in the keychain: enter it again.</source>
        <translation>Das OAuth-Client-Geheimnis ist nicht im Schlüsselbund: Geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>The tokens are stored, but the external account already belongs to another tenant, so its events still go there.</source>
        <translation>Die Tokens sind gespeichert, aber das externe Konto gehört bereits einem anderen Mandanten, daher gehen seine Ereignisse weiterhin dorthin.</translation>
    </message>
</context>
<context>
    <name>wb::ui::AuthorizationProgress</name>
    <message>
        <source>If no browser window opened, open this address yourself:</source>
        <translation>Falls sich kein Browserfenster geöffnet hat, öffnen Sie diese Adresse selbst:</translation>
    </message>
    <message>
        <source>&amp;Copy address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open browser again</source>
        <translation>Browser erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <source>The address appears here once the local listener is ready.</source>
        <translation>Die Adresse erscheint hier, sobald der lokale Empfänger bereit ist.</translation>
    </message>
    <message>
        <source>Preparing the connection&apos;s OAuth client…</source>
        <translation>Der OAuth-Client der Verbindung wird vorbereitet …</translation>
    </message>
    <message>
        <source>Waiting for you to sign in and allow access in the browser. Wirebench listens on 127.0.0.1 for the provider&apos;s answer.</source>
        <translation>Warten, bis Sie sich im Browser anmelden und den Zugriff erlauben. Wirebench wartet auf 127.0.0.1 auf die Antwort des Anbieters.</translation>
    </message>
    <message>
        <source>The browser came back: fetching the tokens from the provider…</source>
        <translation>Der Browser ist zurück: Die Tokens werden beim Anbieter abgeholt …</translation>
    </message>
    <message>
        <source>Storing the client and mapping the external account to the tenant…</source>
        <translation>Der Client wird gespeichert und das externe Konto dem Mandanten zugeordnet …</translation>
    </message>
</context>
<context>
    <name>wb::ui::AuthorizePage</name>
    <message>
        <source>&amp;Authorize in browser</source>
        <translation>Im Browser &amp;autorisieren</translation>
    </message>
    <message>
        <source>Cancel a&amp;uthorization</source>
        <translation>A&amp;utorisierung abbrechen</translation>
    </message>
    <message>
        <source>Authorize in browser</source>
        <translation>Im Browser autorisieren</translation>
    </message>
    <message>
        <source>Sign in at %1 as %2&apos;s administrator and allow access.</source>
        <translation>Melden Sie sich bei %1 als Administrator von %2 an und erlauben Sie den Zugriff.</translation>
    </message>
    <message>
        <source>Wirebench first creates the connection%1, then opens your browser at %2.</source>
        <translation>Wirebench legt zuerst die Verbindung%1 an und öffnet dann Ihren Browser bei %2.</translation>
    </message>
    <message>
        <source> and the tenant</source>
        <translation> und den Mandanten</translation>
    </message>
    <message>
        <source>Opens your browser at %1.</source>
        <translation>Öffnet Ihren Browser bei %1.</translation>
    </message>
    <message>
        <source>Creating the connection…</source>
        <translation>Die Verbindung wird angelegt …</translation>
    </message>
    <message>
        <source>The workspace&apos;s secrets are not open, so no token could be stored. See the status bar for why.</source>
        <translation>Die Geheimnisse des Arbeitsbereichs sind nicht geöffnet, daher könnte kein Token gespeichert werden. Den Grund zeigt die Statusleiste.</translation>
    </message>
    <message>
        <source>the Add connection wizard</source>
        <translation>der Assistent „Verbindung hinzufügen“</translation>
    </message>
    <message>
        <source>Authorized.</source>
        <translation>Autorisiert.</translation>
    </message>
    <message>
        <source>The tokens are in the keychain. Next: the account.</source>
        <translation>Die Tokens liegen im Schlüsselbund. Als Nächstes: das Konto.</translation>
    </message>
    <message>
        <source>The tokens are in the keychain; the external account is %1. Next: the account and its identity mapping.</source>
        <translation>Die Tokens liegen im Schlüsselbund; das externe Konto ist %1. Als Nächstes: das Konto und seine Identitätszuordnung.</translation>
    </message>
    <message>
        <source>Authorized, but the account belongs to another tenant.</source>
        <translation>Autorisiert, aber das Konto gehört zu einem anderen Mandanten.</translation>
    </message>
    <message>
        <source>Next explains what that means.</source>
        <translation>Auf der nächsten Seite wird erklärt, was das bedeutet.</translation>
    </message>
    <message>
        <source>Not authorized. What happened, and what to do:</source>
        <translation>Nicht autorisiert. Was passiert ist und was zu tun ist:</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
</context>
<context>
    <name>wb::ui::BulkRedeliveryDialog</name>
    <message>
        <source>Each event&apos;s &amp;forward target</source>
        <translation>&amp;Weiterleitungsziel des jeweiligen Ereignisses</translation>
    </message>
    <message>
        <source>One &amp;URL:</source>
        <translation>Eine &amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Ca&amp;ncel sending</source>
        <translation>Senden a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Re-deliver events</source>
        <translation>Ereignisse erneut zustellen</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Run the dry run to see how many events go where. Nothing is sent until you press Send.</source>
        <translation>Starten Sie den Probelauf, um zu sehen, wie viele Ereignisse wohin gehen. Nichts wird gesendet, bevor Sie auf Senden klicken.</translation>
    </message>
    <message>
        <source>Send through the dispatch engine, within each destination&apos;s limits</source>
        <translation>Über den Zustelldienst senden, innerhalb der Limits jedes Ziels</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt …</translation>
    </message>
    <message numerus="yes">
        <source> (at most %n at a time)</source>
        <translation>
            <numerusform> (höchstens %n gleichzeitig)</numerusform>
            <numerusform> (höchstens %n gleichzeitig)</numerusform>
        </translation>
    </message>
    <message>
        <source>To re-deliver: %1 · destinations: %2</source>
        <translation>Erneut zuzustellen: %1 · Ziele: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> · left out: %1 (%2)</source>
        <translation> · ausgelassen: %1 (%2)</translation>
    </message>
    <message>
        <source>The dispatch engine is not running: nothing can be sent now.</source>
        <translation>Der Zustelldienst läuft nicht: Derzeit kann nichts gesendet werden.</translation>
    </message>
    <message>
        <source>%1 of %2 done: %3 delivered, %4 failed</source>
        <translation>%1 von %2 erledigt: %3 zugestellt, %4 fehlgeschlagen</translation>
    </message>
    <message>
        <source>, %1 withdrawn</source>
        <translation>, %1 zurückgezogen</translation>
    </message>
    <message>
        <source>, %1 refused (%2)</source>
        <translation>, %1 abgelehnt (%2)</translation>
    </message>
    <message>
        <source>; %1 in the engine&apos;s queue</source>
        <translation>; %1 in der Warteschlange des Zustelldienstes</translation>
    </message>
    <message>
        <source> · paused (the queued ones go on)</source>
        <translation> · pausiert (die eingereihten laufen weiter)</translation>
    </message>
    <message>
        <source> · cancelling</source>
        <translation> · wird abgebrochen</translation>
    </message>
    <message>
        <source> · finished</source>
        <translation> · abgeschlossen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
</context>
<context>
    <name>wb::ui::ClientPage</name>
    <message>
        <source>OAuth client</source>
        <translation>OAuth-Client</translation>
    </message>
    <message>
        <source>Stored in the keychain, never in the workspace</source>
        <translation>Im Schlüsselbund gespeichert, nie im Arbeitsbereich</translation>
    </message>
    <message>
        <source>Client secret in the request body</source>
        <translation>Client-Geheimnis im Anfrage-Body</translation>
    </message>
    <message>
        <source>Client secret with HTTP Basic</source>
        <translation>Client-Geheimnis mit HTTP Basic</translation>
    </message>
    <message>
        <source>Public client (PKCE only, no secret)</source>
        <translation>Öffentlicher Client (nur PKCE, kein Geheimnis)</translation>
    </message>
    <message>
        <source>Separated by spaces. Filled in with the provider&apos;s default scopes.</source>
        <translation>Durch Leerzeichen getrennt. Vorbelegt mit den Standard-Scopes des Anbieters.</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>S&amp;copes:</source>
        <translation>S&amp;copes:</translation>
    </message>
    <message>
        <source>The app you registered at %1 for your product.</source>
        <translation>Die App, die Sie bei %1 für Ihr Produkt registriert haben.</translation>
    </message>
    <message>
        <source>Register it with the redirect URI &lt;tt&gt;http://127.0.0.1/callback&lt;/tt&gt;: Wirebench listens there, on a port of its own, only while you authorize.</source>
        <translation>Registrieren Sie sie mit der Redirect-URI &lt;tt&gt;http://127.0.0.1/callback&lt;/tt&gt;: Wirebench lauscht dort auf einem eigenen Port, nur während Sie autorisieren.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
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
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the webhook URL to register at the provider</source>
        <translation>Die beim Anbieter zu registrierende Webhook-URL kopieren</translation>
    </message>
    <message>
        <source>Webhook URL:</source>
        <translation>Webhook-URL:</translation>
    </message>
    <message>
        <source>none: the receiver is not listening (see the status bar)</source>
        <translation>keine: Der Empfänger lauscht nicht (siehe Statusleiste)</translation>
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
    <name>wb::ui::CustomRangeDialog</name>
    <message>
        <source>Custom time range</source>
        <translation>Benutzerdefinierter Zeitraum</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>From (%1):</source>
        <translation>Von (%1):</translation>
    </message>
    <message>
        <source>To (%1):</source>
        <translation>Bis (%1):</translation>
    </message>
    <message>
        <source>The start must be before the end.</source>
        <translation>Der Beginn muss vor dem Ende liegen.</translation>
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
    <message>
        <source>Retry now</source>
        <translation>Jetzt wiederholen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Requeue</source>
        <translation>Erneut einreihen</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Dead-lettered</source>
        <translation>Dead-Letter</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pending or retrying</source>
        <translation>Ausstehend oder in Wiederholung</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Search URL, idempotency key, reason, id…</source>
        <translation>URL, Idempotenzschlüssel, Grund, ID suchen…</translation>
    </message>
    <message>
        <source>Make the selected pending delivery due now</source>
        <translation>Die ausgewählte ausstehende Zustellung jetzt fällig machen</translation>
    </message>
    <message>
        <source>Withdraw the selected pending delivery</source>
        <translation>Die ausgewählte ausstehende Zustellung zurückziehen</translation>
    </message>
    <message>
        <source>Put a dead-lettered, failed or cancelled delivery back in the queue with a fresh retry budget (same idempotency key and bytes)</source>
        <translation>Eine Dead-Letter-, fehlgeschlagene oder abgebrochene Zustellung mit frischem Wiederholungsbudget erneut einreihen (gleicher Idempotenzschlüssel, gleiche Bytes)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempts of the selected delivery&lt;/b&gt;</source>
        <translation>&lt;b&gt;Versuche der ausgewählten Zustellung&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The delivery is no longer pending.</source>
        <translation>Die Zustellung ist nicht mehr ausstehend.</translation>
    </message>
    <message>
        <source>Only a pending delivery can be cancelled.</source>
        <translation>Nur eine ausstehende Zustellung kann abgebrochen werden.</translation>
    </message>
    <message>
        <source>%1 deliveries</source>
        <translation>%1 Zustellungen</translation>
    </message>
</context>
<context>
    <name>wb::ui::DonePage</name>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>%1 is connected to %2.</source>
        <translation>%1 ist mit %2 verbunden.</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <source>authorized</source>
        <translation>autorisiert</translation>
    </message>
    <message>
        <source>authorized as %1</source>
        <translation>autorisiert als %1</translation>
    </message>
    <message>
        <source>authorized; the account belongs to another tenant</source>
        <translation>autorisiert; das Konto gehört zu einem anderen Mandanten</translation>
    </message>
    <message>
        <source>Identity mapping</source>
        <translation>Identitätszuordnung</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <source>in the keychain</source>
        <translation>im Schlüsselbund</translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation>noch nicht gesetzt</translation>
    </message>
    <message>
        <source>Finish selects the connection in the navigation. Wirebench refreshes its token ahead of expiry and checks it regularly.</source>
        <translation>Wenn Sie den Assistenten abschließen, wird die Verbindung in der Navigation ausgewählt. Wirebench erneuert ihr Token vor dem Ablauf und prüft es regelmäßig.</translation>
    </message>
</context>
<context>
    <name>wb::ui::DurationText</name>
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
    <name>wb::ui::EditRedeliverDialog</name>
    <message>
        <source>Re-sign with the connection&apos;s scheme and secret</source>
        <translation>Mit dem Schema und dem Geheimnis der Verbindung neu signieren</translation>
    </message>
    <message>
        <source>Send unsigned</source>
        <translation>Unsigniert senden</translation>
    </message>
    <message>
        <source>Send with a deliberately corrupted signature</source>
        <translation>Mit absichtlich verfälschter Signatur senden</translation>
    </message>
    <message>
        <source>Edit and re-deliver</source>
        <translation>Bearbeiten und erneut zustellen</translation>
    </message>
    <message>
        <source>No signature scheme or no signing secret for this request&apos;s connection.</source>
        <translation>Kein Signaturschema oder kein Signaturgeheimnis für die Verbindung dieser Anfrage.</translation>
    </message>
    <message>
        <source>Queue delivery</source>
        <translation>Zustellung einreihen</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>Senden an:</translation>
    </message>
    <message>
        <source>Header fields:</source>
        <translation>Header-Felder:</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Body:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <source>Type the http or https URL to send to.</source>
        <translation>Geben Sie die http- oder https-URL ein, an die gesendet werden soll.</translation>
    </message>
    <message>
        <source>Unchanged: the request goes out as received.</source>
        <translation>Unverändert: Die Anfrage geht so hinaus, wie sie empfangen wurde.</translation>
    </message>
    <message>
        <source>Changes: %1.</source>
        <translation>Änderungen: %1.</translation>
    </message>
</context>
<context>
    <name>wb::ui::HealthView</name>
    <message>
        <source>No health assessed yet</source>
        <translation>Noch kein Zustand bewertet</translation>
    </message>
    <message>
        <source>Wirebench watches each connection&apos;s webhooks: it asks the provider whether our registration is still there and active, renews Microsoft Graph subscriptions before they expire, notices when events stop or fail verification, and watches the credentials. Record registrations with &lt;code&gt;wirebench-cli registrations add&lt;/code&gt;.</source>
        <translation>Wirebench überwacht die Webhooks jeder Verbindung: Es fragt den Anbieter, ob unsere Registrierung noch besteht und aktiv ist, verlängert Microsoft-Graph-Abonnements vor ihrem Ablauf, bemerkt, wenn Ereignisse ausbleiben oder die Prüfung nicht bestehen, und überwacht die Zugangsdaten. Erfassen Sie Registrierungen mit &lt;code&gt;wirebench-cli registrations add&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Show &amp;all connections</source>
        <translation>&amp;Alle Verbindungen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>Ask every provider about every webhook registration now.</source>
        <translation>Jetzt jeden Anbieter zu jeder Webhook-Registrierung befragen.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>No connections assessed yet.</source>
        <translation>Noch keine Verbindungen bewertet.</translation>
    </message>
    <message numerus="yes">
        <source>No connection needs attention (%n assessed).</source>
        <translation>
            <numerusform>Keine Verbindung braucht Aufmerksamkeit (%n bewertet).</numerusform>
            <numerusform>Keine Verbindung braucht Aufmerksamkeit (%n bewertet).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n connection(s) need attention&lt;/b&gt;, worst first.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Verbindung braucht Aufmerksamkeit&lt;/b&gt;, die schlimmste zuerst.</numerusform>
            <numerusform>&lt;b&gt;%n Verbindungen brauchen Aufmerksamkeit&lt;/b&gt;, die schlimmsten zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a connection to see everything found about it.</source>
        <translation>Wählen Sie eine Verbindung aus, um alles zu sehen, was über sie festgestellt wurde.</translation>
    </message>
    <message numerus="yes">
        <source>All %n assessed connection(s) are healthy: their registrations are active, events arrive and verify, and their credentials are valid.
Tick “Show all connections” to list them.</source>
        <translation>
            <numerusform>Die %n geprüfte Verbindung ist in Ordnung: Ihre Registrierungen sind aktiv, Ereignisse kommen an und bestehen die Prüfung, und ihre Zugangsdaten sind gültig.
Wählen Sie „Alle Verbindungen anzeigen“, um sie aufzulisten.</numerusform>
            <numerusform>Alle %n geprüften Verbindungen sind in Ordnung: Ihre Registrierungen sind aktiv, Ereignisse kommen an und bestehen die Prüfung, und ihre Zugangsdaten sind gültig.
Wählen Sie „Alle Verbindungen anzeigen“, um sie aufzulisten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::InboundActionBar</name>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Copy a curl command that sends this request again (signatures, tokens and Authorization redacted)</source>
        <translation>Einen curl-Befehl kopieren, der diese Anfrage erneut sendet (Signaturen, Tokens und Authorization geschwärzt)</translation>
    </message>
    <message>
        <source>Copy as curl (secrets redacted)</source>
        <translation>Als curl kopieren (Geheimnisse geschwärzt)</translation>
    </message>
    <message>
        <source>Copy as curl with secrets</source>
        <translation>Als curl mit Geheimnissen kopieren</translation>
    </message>
    <message>
        <source>Save request…</source>
        <translation>Anfrage speichern…</translation>
    </message>
    <message>
        <source>Load request…</source>
        <translation>Anfrage laden…</translation>
    </message>
    <message>
        <source>Re-deliver</source>
        <translation>Erneut zustellen</translation>
    </message>
    <message>
        <source>To the connection&apos;s forward target</source>
        <translation>An das Weiterleitungsziel der Verbindung</translation>
    </message>
    <message>
        <source>To a URL… (byte-exact)</source>
        <translation>An eine URL… (bytegenau)</translation>
    </message>
    <message>
        <source>Edit and re-deliver…</source>
        <translation>Bearbeiten und erneut zustellen…</translation>
    </message>
    <message>
        <source>Cannot re-sign: %1 The editor offers unsigned sending only.</source>
        <translation>Neu signieren nicht möglich: %1 Der Editor bietet nur unsigniertes Senden an.</translation>
    </message>
    <message>
        <source>Queued edited delivery %1 to %2. Changed: %3.</source>
        <translation>Bearbeitete Zustellung %1 an %2 eingereiht. Geändert: %3.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Copied a curl command WITH the secrets: keep it private.</source>
        <translation>curl-Befehl MIT den Geheimnissen kopiert: Halten Sie ihn geheim.</translation>
    </message>
    <message>
        <source>Copied a curl command (secrets redacted).</source>
        <translation>curl-Befehl kopiert (Geheimnisse geschwärzt).</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>Anfrage speichern</translation>
    </message>
    <message>
        <source>HTTP requests (*.http);;All files (*)</source>
        <translation>HTTP-Anfragen (*.http);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved the request to %1.</source>
        <translation>Anfrage in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Load a request</source>
        <translation>Anfrage laden</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has %2 bytes; requests up to %3 bytes can be loaded.</source>
        <translation>%1 hat %2 Bytes; Anfragen bis %3 Bytes können geladen werden.</translation>
    </message>
    <message>
        <source>Loaded from %1: not received, not verified.</source>
        <translation>Geladen aus %1: nicht empfangen, nicht geprüft.</translation>
    </message>
    <message>
        <source>Loaded %1 (not stored in the workspace).</source>
        <translation>%1 geladen (nicht im Arbeitsbereich gespeichert).</translation>
    </message>
    <message>
        <source>A loaded request has no connection: re-deliver it to a URL.</source>
        <translation>Eine geladene Anfrage hat keine Verbindung: Stellen Sie sie erneut an eine URL zu.</translation>
    </message>
    <message>
        <source>Event %1 is queued for its forward target again (hand-over %2, same bytes).</source>
        <translation>Ereignis %1 ist erneut für sein Weiterleitungsziel eingereiht (Übergabe %2, gleiche Bytes).</translation>
    </message>
    <message>
        <source>Re-deliver to a URL</source>
        <translation>Erneut an eine URL zustellen</translation>
    </message>
    <message>
        <source>Send the request&apos;s method, header fields and body bytes, as received, to:</source>
        <translation>Methode, Header-Felder und Body-Bytes der Anfrage, wie empfangen, senden an:</translation>
    </message>
    <message>
        <source>Queued delivery %1 to %2: body and method as received.</source>
        <translation>Zustellung %1 an %2 eingereiht: Body und Methode wie empfangen.</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Ausgelassen: %1.</translation>
    </message>
</context>
<context>
    <name>wb::ui::InboundEventInspector</name>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1</source>
        <translation>Der Body ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>The body has more than %1 JSON values; the tree stops there (the bytes are all shown).</source>
        <translation>Der Body hat mehr als %1 JSON-Werte; der Baum endet dort (die Bytes werden vollständig angezeigt).</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>connection URL</source>
        <translation>Verbindungs-URL</translation>
    </message>
    <message>
        <source>provider URL (tenant resolved from the event)</source>
        <translation>Anbieter-URL (Mandant aus dem Ereignis ermittelt)</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Provider event id</source>
        <translation>Ereignis-ID des Anbieters</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>%1 later copies answered without a new row</source>
        <translation>%1 spätere Kopien ohne neue Zeile beantwortet</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <source>A %1 handshake, answered %2. Handshakes are recorded, never forwarded.</source>
        <translation>Ein %1-Handshake, beantwortet mit %2. Handshakes werden erfasst, nie weitergeleitet.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>External account</source>
        <translation>Externes Konto</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Hand-overs</source>
        <translation>Übergaben</translation>
    </message>
    <message>
        <source>Select an event above to see its request field by field and byte by byte, its headers, and how it was verified and routed.</source>
        <translation>Wählen Sie oben ein Ereignis, um seine Anfrage Feld für Feld und Byte für Byte, seine Header und seine Prüfung und Zuordnung zu sehen.</translation>
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
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Re-deliver &amp;many…</source>
        <translation>&amp;Viele erneut zustellen…</translation>
    </message>
    <message>
        <source>Search event type, provider, event id, account, address…</source>
        <translation>Ereignistyp, Anbieter, Ereignis-ID, Konto, Adresse suchen…</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Only events of exactly this type (push, invoice.paid, …)</source>
        <translation>Nur Ereignisse genau dieses Typs (push, invoice.paid, …)</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>Jedes Prüfergebnis</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation>Unsigniert</translation>
    </message>
    <message>
        <source>Any forwarding</source>
        <translation>Jede Weiterleitung</translation>
    </message>
    <message>
        <source>Not forwarded</source>
        <translation>Nicht weitergeleitet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>Forwarding failed</source>
        <translation>Weiterleitung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Show new events as they arrive</source>
        <translation>Neue Ereignisse beim Eintreffen anzeigen</translation>
    </message>
    <message>
        <source>Re-deliver the selected events, or every event the filter matches when one or none is selected: a dry run first</source>
        <translation>Die ausgewählten Ereignisse erneut zustellen oder, wenn eines oder keines ausgewählt ist, jedes Ereignis, auf das der Filter passt: zuerst ein Probelauf</translation>
    </message>
    <message>
        <source>Any tenant</source>
        <translation>Jeder Mandant</translation>
    </message>
    <message>
        <source>Any connection</source>
        <translation>Jede Verbindung</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Jeder Anbieter</translation>
    </message>
    <message>
        <source>The selected events (%1).</source>
        <translation>Die ausgewählten Ereignisse (%1).</translation>
    </message>
    <message>
        <source>Every event the filter matches (%1).</source>
        <translation>Jedes Ereignis, auf das der Filter passt (%1).</translation>
    </message>
    <message>
        <source>Every event the filter matches.</source>
        <translation>Jedes Ereignis, auf das der Filter passt.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt …</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source> · %1 loaded</source>
        <translation> · %1 geladen</translation>
    </message>
    <message>
        <source> · %1 new (sort by time to see them)</source>
        <translation> · %1 neu (nach Zeit sortieren, um sie zu sehen)</translation>
    </message>
    <message>
        <source> · loading…</source>
        <translation> · wird geladen …</translation>
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
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>wb::ui::MasterKeyDialog</name>
    <message>
        <source>Master key needed</source>
        <translation>Hauptschlüssel benötigt</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This workspace&apos;s secrets are sealed, and Wirebench has no usable master key for them.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Until it has one, signed webhooks are stored but not verified, and queued deliveries wait. Choose the workspace&apos;s key file (it must be readable by you only: permissions 0600).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Die Geheimnisse dieses Arbeitsbereichs sind versiegelt, und Wirebench hat keinen verwendbaren Hauptschlüssel dafür.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Bis dahin werden signierte Webhooks gespeichert, aber nicht geprüft, und wartende Zustellungen warten. Wählen Sie die Schlüsseldatei des Arbeitsbereichs (sie darf nur für Sie lesbar sein: Rechte 0600).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>/path/to/master.key</source>
        <translation>/pfad/zu/master.key</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
        <source>Also keep the key in the OS &amp;keychain, where Wirebench finds it next time</source>
        <translation>Den Schlüssel auch im &amp;Schlüsselbund des Systems ablegen, wo Wirebench ihn beim nächsten Mal findet</translation>
    </message>
    <message>
        <source>Use This Key</source>
        <translation>Diesen Schlüssel verwenden</translation>
    </message>
    <message>
        <source>Continue Without</source>
        <translation>Ohne fortfahren</translation>
    </message>
    <message>
        <source>Choose the workspace&apos;s master key file</source>
        <translation>Hauptschlüsseldatei des Arbeitsbereichs wählen</translation>
    </message>
    <message>
        <source>Checking the key file…</source>
        <translation>Schlüsseldatei wird geprüft…</translation>
    </message>
    <message>
        <source>The key file is right, but the keychain refused a copy: %1</source>
        <translation>Die Schlüsseldatei stimmt, aber der Schlüsselbund hat eine Kopie abgelehnt: %1</translation>
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
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Its tokens are revoked at the provider where the provider allows it, then they and its secrets are deleted from the keychain. Its identity mappings stay with the tenant, without a connection.</source>
        <translation>Ihre Tokens werden beim Anbieter widerrufen, wo der Anbieter das erlaubt, dann werden sie und ihre Geheimnisse aus dem Schlüsselbund gelöscht. Ihre Identitätszuordnungen bleiben beim Mandanten, ohne Verbindung.</translation>
    </message>
</context>
<context>
    <name>wb::ui::OnboardingWizard</name>
    <message>
        <source>HMAC-%1 of the body in %2, with a shared signing secret.</source>
        <translation>HMAC-%1 des Bodys in %2, mit einem gemeinsamen Signaturgeheimnis.</translation>
    </message>
    <message>
        <source>a %1 digest of the secret and the body in %2.</source>
        <translation>ein %1-Digest aus Geheimnis und Body in %2.</translation>
    </message>
    <message>
        <source>Twilio&apos;s HMAC-SHA1 of the URL and parameters in %1, with the auth token.</source>
        <translation>Twilios HMAC-SHA1 über URL und Parameter in %1, mit dem Auth-Token.</translation>
    </message>
    <message>
        <source>Ed25519 in %1: you paste the provider&apos;s public key.</source>
        <translation>Ed25519 in %1: Sie fügen den öffentlichen Schlüssel des Anbieters ein.</translation>
    </message>
    <message>
        <source>ECDSA P-256 in %1: you paste the provider&apos;s public key.</source>
        <translation>ECDSA P-256 in %1: Sie fügen den öffentlichen Schlüssel des Anbieters ein.</translation>
    </message>
    <message>
        <source>Slack checks the URL with a url_verification challenge; Wirebench answers it.</source>
        <translation>Slack prüft die URL mit einer url_verification-Challenge; Wirebench beantwortet sie.</translation>
    </message>
    <message>
        <source>Microsoft Graph sends a validationToken when the subscription is created; Wirebench echoes it.</source>
        <translation>Microsoft Graph sendet beim Anlegen des Abonnements ein validationToken; Wirebench gibt es zurück.</translation>
    </message>
    <message>
        <source>Zoom validates the URL (endpoint.url_validation), again every 72 hours; Wirebench answers with the secret token.</source>
        <translation>Zoom validiert die URL (endpoint.url_validation), erneut alle 72 Stunden; Wirebench antwortet mit dem Secret-Token.</translation>
    </message>
    <message>
        <source>Dropbox sends a challenge (GET ?challenge=); Wirebench echoes it.</source>
        <translation>Dropbox sendet eine Challenge (GET ?challenge=); Wirebench gibt sie zurück.</translation>
    </message>
    <message>
        <source>Asana sends X-Hook-Secret while the webhook is created; Wirebench answers it and keeps the secret.</source>
        <translation>Asana sendet beim Anlegen des Webhooks X-Hook-Secret; Wirebench beantwortet es und behält das Geheimnis.</translation>
    </message>
    <message>
        <source>X sends a CRC check (crc_token) at registration and regularly after; Wirebench answers it.</source>
        <translation>X sendet bei der Registrierung und danach regelmäßig eine CRC-Prüfung (crc_token); Wirebench beantwortet sie.</translation>
    </message>
    <message>
        <source>Meta verifies the URL with hub.challenge and your verify token; Wirebench answers it.</source>
        <translation>Meta prüft die URL mit hub.challenge und Ihrem Verify-Token; Wirebench beantwortet sie.</translation>
    </message>
    <message>
        <source>Discord sends a signed PING first; Wirebench answers PONG.</source>
        <translation>Discord sendet zuerst ein signiertes PING; Wirebench antwortet mit PONG.</translation>
    </message>
    <message>
        <source>OAuth 2.0 in your browser (with PKCE): you enter the client id and secret of your app at the provider.</source>
        <translation>OAuth 2.0 in Ihrem Browser (mit PKCE): Sie geben Client-ID und Client-Geheimnis Ihrer App beim Anbieter ein.</translation>
    </message>
    <message>
        <source>OAuth 2.0 in your browser: you enter the client id and secret of your app at the provider.</source>
        <translation>OAuth 2.0 in Ihrem Browser: Sie geben Client-ID und Client-Geheimnis Ihrer App beim Anbieter ein.</translation>
    </message>
    <message>
        <source>No OAuth: only the webhook and its signing secret.</source>
        <translation>Kein OAuth: nur der Webhook und sein Signaturgeheimnis.</translation>
    </message>
    <message>
        <source>Webhooks are not signed.</source>
        <translation>Webhooks sind nicht signiert.</translation>
    </message>
    <message>
        <source>Webhooks are signed: %1</source>
        <translation>Webhooks sind signiert: %1</translation>
    </message>
    <message>
        <source>You choose the secret.</source>
        <translation>Sie wählen das Geheimnis.</translation>
    </message>
    <message>
        <source>Enter the tenant&apos;s name.</source>
        <translation>Geben Sie den Namen des Mandanten ein.</translation>
    </message>
    <message>
        <source>Use at most 200 characters.</source>
        <translation>Verwenden Sie höchstens 200 Zeichen.</translation>
    </message>
    <message>
        <source>A tenant named “%1” exists already: choose it above, or pick another name.</source>
        <translation>Ein Mandant namens „%1“ existiert bereits: Wählen Sie ihn oben aus oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Shop (the name before .myshopify.com)</source>
        <translation>Shop (der Name vor .myshopify.com)</translation>
    </message>
    <message>
        <source>Directory (tenant id, domain, or common)</source>
        <translation>Verzeichnis (Tenant-ID, Domain oder common)</translation>
    </message>
    <message>
        <source>Login host</source>
        <translation>Login-Host</translation>
    </message>
    <message>
        <source>Enter the client id of your app at %1.</source>
        <translation>Geben Sie die Client-ID Ihrer App bei %1 ein.</translation>
    </message>
    <message>
        <source>The client id starts or ends with a space.</source>
        <translation>Die Client-ID beginnt oder endet mit einem Leerzeichen.</translation>
    </message>
    <message>
        <source>Enter the client secret, or choose “public client” if your app has none.</source>
        <translation>Geben Sie das Client-Geheimnis ein oder wählen Sie „Öffentlicher Client“, wenn Ihre App keines hat.</translation>
    </message>
    <message>
        <source>%1 is needed: the provider&apos;s addresses contain it.</source>
        <translation>%1 wird benötigt: Die Adressen des Anbieters enthalten diesen Wert.</translation>
    </message>
    <message>
        <source>Only the name itself: no /, ?, #, @, :, %, braces or spaces.</source>
        <translation>Nur der Name selbst: kein /, ?, #, @, :, %, keine geschweiften Klammern oder Leerzeichen.</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Cancel onboarding</source>
        <translation>Anbindung abbrechen</translation>
    </message>
    <message>
        <source>The tenant “%1” and its %2 connection were created already.</source>
        <translation>Der Mandant „%1“ und seine %2-Verbindung wurden bereits angelegt.</translation>
    </message>
    <message>
        <source>The %1 connection of “%2” was created already.</source>
        <translation>Die %1-Verbindung von „%2“ wurde bereits angelegt.</translation>
    </message>
    <message>
        <source>Keep it to finish later from the navigation (Authorize, secrets), or remove it with its stored tokens and secrets.</source>
        <translation>Behalten, um sie später über die Navigation abzuschließen (Autorisieren, Geheimnisse), oder mit ihren gespeicherten Tokens und Geheimnissen entfernen.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Continue onboarding</source>
        <translation>Anbindung &amp;fortsetzen</translation>
    </message>
</context>
<context>
    <name>wb::ui::ProviderChoicePage</name>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Which external system does the tenant connect?</source>
        <translation>Welches externe System bindet der Mandant an?</translation>
    </message>
    <message>
        <source>OAuth in the browser</source>
        <translation>OAuth im Browser</translation>
    </message>
    <message>
        <source>No OAuth</source>
        <translation>Kein OAuth</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>unsigned webhooks</source>
        <translation>unsignierte Webhooks</translation>
    </message>
    <message>
        <source>signed webhooks</source>
        <translation>signierte Webhooks</translation>
    </message>
    <message>
        <source>The connection to this provider was created; to choose another, cancel and remove it.</source>
        <translation>Die Verbindung zu diesem Anbieter wurde angelegt; um einen anderen zu wählen, brechen Sie ab und entfernen Sie sie.</translation>
    </message>
</context>
<context>
    <name>wb::ui::RegistrationDialog</name>
    <message>
        <source>E&amp;xpires at</source>
        <translation>Läuft a&amp;b am</translation>
    </message>
    <message>
        <source>Allow the health monitor to &amp;register it again when %1 lost it</source>
        <translation>Der Zustandsüberwachung &amp;erlauben, sie erneut zu registrieren, wenn %1 sie verloren hat</translation>
    </message>
    <message>
        <source>Add webhook registration</source>
        <translation>Webhook-Registrierung hinzufügen</translation>
    </message>
    <message>
        <source>required: the hook or subscription id at %1</source>
        <translation>erforderlich: die Hook- oder Abonnement-ID bei %1</translation>
    </message>
    <message>
        <source>optional: https://… where %1 sends the events</source>
        <translation>optional: https://…, wohin %1 die Ereignisse sendet</translation>
    </message>
    <message>
        <source>comma-separated, e.g. push, pull_request</source>
        <translation>durch Kommas getrennt, z. B. push, pull_request</translation>
    </message>
    <message>
        <source>Your local time; stored in UTC.</source>
        <translation>Ihre Ortszeit; gespeichert in UTC.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>the provider profile&apos;s</source>
        <translation>die des Anbieterprofils</translation>
    </message>
    <message>
        <source>optional: the creation request&apos;s body (JSON, or a form body key=value&amp;…), sent again to register it anew; may hold {expires_at}. Never a secret.</source>
        <translation>optional: der Body der Anlegeanfrage (JSON oder ein Formular-Body key=value&amp;…), wird zum erneuten Registrieren wieder gesendet; darf {expires_at} enthalten. Nie ein Geheimnis.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>External &amp;id:</source>
        <translation>Externe &amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>&amp;Target URL:</source>
        <translation>&amp;Ziel-URL:</translation>
    </message>
    <message>
        <source>&amp;Events:</source>
        <translation>&amp;Ereignisse:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Ablauf:</translation>
    </message>
    <message>
        <source>Renew &amp;lifetime:</source>
        <translation>&amp;Laufzeit bei Verlängerung:</translation>
    </message>
    <message>
        <source>Registration &amp;body:</source>
        <translation>Registrierungs-&amp;Body:</translation>
    </message>
    <message>
        <source>Enter the registration&apos;s id at the provider (the hook, endpoint or subscription id it answered when you registered the webhook).</source>
        <translation>Geben Sie die ID der Registrierung beim Anbieter ein (die Hook-, Endpunkt- oder Abonnement-ID, die er beim Registrieren des Webhooks geantwortet hat).</translation>
    </message>
    <message>
        <source>The target URL &quot;%1&quot; must be an absolute http:// or https:// URL, such as https://hooks.example.com/github.</source>
        <translation>Die Ziel-URL „%1“ muss eine absolute http://- oder https://-URL sein, etwa https://hooks.example.com/github.</translation>
    </message>
    <message>
        <source>The registration body is %1 bytes; at most %2 are kept.</source>
        <translation>Der Registrierungs-Body hat %1 Bytes; höchstens %2 werden gespeichert.</translation>
    </message>
    <message>
        <source>The registration body is not well-formed JSON: %1 at character %2.</source>
        <translation>Der Registrierungs-Body ist kein wohlgeformtes JSON: %1 bei Zeichen %2.</translation>
    </message>
    <message>
        <source>The registration body must be a JSON object or array, or a form body such as url=https%3A%2F%2F…&amp;enabled_events[]=*.</source>
        <translation>Der Registrierungs-Body muss ein JSON-Objekt oder -Array sein oder ein Formular-Body wie url=https%3A%2F%2F…&amp;enabled_events[]=*.</translation>
    </message>
    <message>
        <source>Edit webhook registration</source>
        <translation>Webhook-Registrierung bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>The expiry %1 is in the past. Enter when %2 drops the registration unless it is renewed, or clear &quot;Expires at&quot;.</source>
        <translation>Der Ablauf %1 liegt in der Vergangenheit. Geben Sie ein, wann %2 die Registrierung ohne Verlängerung verwirft, oder entfernen Sie „Läuft ab am“.</translation>
    </message>
    <message>
        <source>where it lives: repos/OWNER/REPO, orgs/ORG or app (GitHub), the app id (HubSpot), the account id (Zoom)</source>
        <translation>wo sie liegt: repos/OWNER/REPO, orgs/ORG oder app (GitHub), die App-ID (HubSpot), die Konto-ID (Zoom)</translation>
    </message>
</context>
<context>
    <name>wb::ui::RegistrationsSection</name>
    <message>
        <source>Webhook registrations</source>
        <translation>Webhook-Registrierungen</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>Hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Allow re-re&amp;gistration</source>
        <translation>Erneutes Re&amp;gistrieren erlauben</translation>
    </message>
    <message>
        <source>Let the health monitor register the selected webhook again when the provider lost it (it sends the stored registration body).</source>
        <translation>Die Zustandsüberwachung registriert den ausgewählten Webhook erneut, wenn der Anbieter ihn verloren hat (sie sendet den gespeicherten Registrierungs-Body).</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>der Anbieter</translation>
    </message>
    <message>
        <source>No registrations recorded for this connection. Add the webhook you registered at %1 so Wirebench can check it.</source>
        <translation>Für diese Verbindung sind keine Registrierungen erfasst. Fügen Sie den Webhook hinzu, den Sie bei %1 registriert haben, damit Wirebench ihn prüfen kann.</translation>
    </message>
    <message>
        <source>Remove webhook registration</source>
        <translation>Webhook-Registrierung entfernen</translation>
    </message>
    <message>
        <source>Remove the registration “%1” from Wirebench?</source>
        <translation>Die Registrierung „%1“ aus Wirebench entfernen?</translation>
    </message>
    <message>
        <source>Wirebench stops checking it. The webhook stays registered at %1: delete it there too if it is no longer wanted.</source>
        <translation>Wirebench prüft sie nicht mehr. Der Webhook bleibt bei %1 registriert: Löschen Sie ihn auch dort, wenn er nicht mehr gebraucht wird.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Cannot remove the registration: %1</source>
        <translation>Die Registrierung kann nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Cannot change re-registration: %1</source>
        <translation>Das erneute Registrieren kann nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>A&amp;pp credential…</source>
        <translation>A&amp;pp-Zugangsdaten…</translation>
    </message>
    <message>
        <source>Correct what was registered (id, scope, target URL, events, expiry, body).</source>
        <translation>Korrigieren, was registriert wurde (ID, Bereich, Ziel-URL, Ereignisse, Ablauf, Body).</translation>
    </message>
    <message>
        <source>App credential stored: the next check of these registrations uses it.</source>
        <translation>App-Zugangsdaten gespeichert: Die nächste Prüfung dieser Registrierungen verwendet sie.</translation>
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
    <message>
        <source>Edit schedule “%1”</source>
        <translation>Zeitplan „%1“ bearbeiten</translation>
    </message>
</context>
<context>
    <name>wb::ui::SchedulesView</name>
    <message>
        <source>No schedules</source>
        <translation>Keine Zeitpläne</translation>
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
    <message>
        <source>A schedule runs a job for every tenant on a cron expression, spread over a smoothing window so neither side&apos;s rate limits break. Add one here, or with &lt;code&gt;wirebench-cli schedules add&lt;/code&gt;.</source>
        <translation>Ein Zeitplan führt nach einem Cron-Ausdruck für jeden Mandanten einen Auftrag aus, verteilt über ein Glättungsfenster, damit keine Seite ihre Ratenlimits überschreitet. Legen Sie hier einen an oder mit &lt;code&gt;wirebench-cli schedules add&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run history&lt;/b&gt;</source>
        <translation>&lt;b&gt;Laufverlauf&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Withdraw the selected run&apos;s jobs that have not been sent; jobs in flight finish.</source>
        <translation>Die noch nicht gesendeten Aufträge des gewählten Laufs zurückziehen; laufende Aufträge werden abgeschlossen.</translation>
    </message>
    <message>
        <source>No runs yet. The schedule runs at its next firing, or use &lt;b&gt;Run now&lt;/b&gt;.</source>
        <translation>Noch keine Läufe. Der Zeitplan läuft bei seiner nächsten Auslösung, oder verwenden Sie &lt;b&gt;Jetzt ausführen&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Changed schedule “%1”.</source>
        <translation>Zeitplan „%1“ geändert.</translation>
    </message>
    <message>
        <source>Run %1 cancelled: %2 job(s) withdrawn, %3 in flight finishing.</source>
        <translation>Lauf %1 abgebrochen: %2 Auftrag/Aufträge zurückgezogen, %3 laufende werden abgeschlossen.</translation>
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
    <message>
        <source>Optional, such as https://abc.ngrok.app</source>
        <translation>Optional, etwa https://abc.ngrok.app</translation>
    </message>
    <message>
        <source>Where providers reach this receiver through a tunnel or reverse proxy. The webhook URLs to register start with it.</source>
        <translation>Wo Anbieter diesen Empfänger über einen Tunnel oder Reverse-Proxy erreichen. Die zu registrierenden Webhook-URLs beginnen damit.</translation>
    </message>
    <message>
        <source>P&amp;ublic URL:</source>
        <translation>Ö&amp;ffentliche URL:</translation>
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
    <message>
        <source>Queue: %1 pending, %2 in flight</source>
        <translation>Warteschlange: %1 ausstehend, %2 in Arbeit</translation>
    </message>
    <message>
        <source>Deliveries waiting for their next attempt (due now, or held back by a retry or a rate limit), and attempts being sent now.</source>
        <translation>Zustellungen, die auf ihren nächsten Versuch warten (jetzt fällig oder durch eine Wiederholung oder ein Ratenlimit zurückgehalten), und Versuche, die gerade gesendet werden.</translation>
    </message>
    <message>
        <source>External systems send webhooks to %1/hooks/…, which reaches this receiver at %2.</source>
        <translation>Externe Systeme senden Webhooks an %1/hooks/…, das diesen Empfänger unter %2 erreicht.</translation>
    </message>
    <message>
        <source>Workspace: %1 on %2 (PostgreSQL)</source>
        <translation>Arbeitsbereich: %1 auf %2 (PostgreSQL)</translation>
    </message>
</context>
<context>
    <name>wb::ui::TenantChoicePage</name>
    <message>
        <source>An &amp;existing tenant:</source>
        <translation>Ein &amp;bestehender Mandant:</translation>
    </message>
    <message>
        <source>A &amp;new tenant named:</source>
        <translation>Ein &amp;neuer Mandant namens:</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Which of your customers is this connection for?</source>
        <translation>Für welchen Ihrer Kunden ist diese Verbindung?</translation>
    </message>
    <message>
        <source>e.g. Umbrella Corp</source>
        <translation>z. B. Umbrella Corp</translation>
    </message>
    <message>
        <source>Loading tenants…</source>
        <translation>Mandanten werden geladen …</translation>
    </message>
    <message>
        <source>No tenants yet</source>
        <translation>Noch keine Mandanten</translation>
    </message>
    <message>
        <source>The connection was created for %1; to use another tenant, cancel and remove it.</source>
        <translation>Die Verbindung wurde für %1 angelegt; um einen anderen Mandanten zu verwenden, brechen Sie ab und entfernen Sie sie.</translation>
    </message>
</context>
<context>
    <name>wb::ui::TimelineExport</name>
    <message>
        <source>Wirebench timeline</source>
        <translation>Wirebench-Zeitachse</translation>
    </message>
    <message>
        <source>Cannot export the timeline as &quot;%1&quot;: choose a .png or .pdf file.</source>
        <translation>Die Zeitachse kann nicht als „%1“ exportiert werden: Wählen Sie eine .png- oder .pdf-Datei.</translation>
    </message>
    <message>
        <source>Could not write the timeline to %1.</source>
        <translation>Die Zeitachse konnte nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>wb::ui::TimelinePlot</name>
    <message>
        <source>What %1 would have done</source>
        <translation>Was %1 getan hätte</translation>
    </message>
    <message>
        <source>%1 (simulated)</source>
        <translation>%1 (simuliert)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>local time, UTC%1%2:%3</source>
        <translation>Ortszeit, UTC%1%2:%3</translation>
    </message>
    <message>
        <source>Time (%1) from %2</source>
        <translation>Zeit (%1) ab %2</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Requests left</source>
        <translation>Verbleibende Anfragen</translation>
    </message>
    <message>
        <source>Token bucket</source>
        <translation>Token-Bucket</translation>
    </message>
    <message>
        <source>Rate-limit remaining</source>
        <translation>Verbleibendes Ratenlimit</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Inbound/s</source>
        <translation>Eingehend/s</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlangentiefe</translation>
    </message>
    <message>
        <source>Inbound events per second</source>
        <translation>Eingehende Ereignisse pro Sekunde</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Füllstände</translation>
    </message>
    <message>
        <source>Levels of %1 (rate limit: %2 requests per window)</source>
        <translation>Füllstände von %1 (Ratenlimit: %2 Anfragen pro Fenster)</translation>
    </message>
    <message>
        <source>Levels of %1</source>
        <translation>Füllstände von %1</translation>
    </message>
</context>
<context>
    <name>wb::ui::TimelineStyle</name>
    <message>
        <source>2xx</source>
        <translation>2xx</translation>
    </message>
    <message>
        <source>429 / rate-limited</source>
        <translation>429 / ratenbegrenzt</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>Network / timeout</source>
        <translation>Netzwerk / Timeout</translation>
    </message>
    <message>
        <source>Other 4xx</source>
        <translation>Andere 4xx</translation>
    </message>
    <message>
        <source>Dead-letter</source>
        <translation>Dead-Letter</translation>
    </message>
    <message>
        <source>Wait: Retry-After</source>
        <translation>Warten: Retry-After</translation>
    </message>
    <message>
        <source>Wait: backoff</source>
        <translation>Warten: Backoff</translation>
    </message>
    <message>
        <source>Wait: rate-limit pause</source>
        <translation>Warten: Ratenlimit-Pause</translation>
    </message>
    <message>
        <source>Queued after the wait</source>
        <translation>Nach dem Warten eingereiht</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <source>rate-limited, retry</source>
        <translation>ratenbegrenzt, wiederholen</translation>
    </message>
    <message>
        <source>dead-letter</source>
        <translation>Dead-Letter</translation>
    </message>
    <message>
        <source>failed, not retried</source>
        <translation>fehlgeschlagen, nicht wiederholt</translation>
    </message>
    <message>
        <source>destination disabled</source>
        <translation>Ziel deaktiviert</translation>
    </message>
    <message>
        <source>refresh the token, retry</source>
        <translation>Token erneuern, wiederholen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Retry-After</source>
        <translation>Retry-After</translation>
    </message>
    <message>
        <source>backoff</source>
        <translation>Backoff</translation>
    </message>
    <message>
        <source>rate-limit pause</source>
        <translation>Ratenlimit-Pause</translation>
    </message>
</context>
<context>
    <name>wb::ui::TimelineToolBar</name>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>Mandant: %1</translation>
    </message>
    <message>
        <source>    Connection: %1</source>
        <translation>    Verbindung: %1</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Zustellung: %1</translation>
    </message>
    <message>
        <source>What to show: every tenant, one tenant, one connection or one delivery</source>
        <translation>Was angezeigt wird: alle Mandanten, ein Mandant, eine Verbindung oder eine Zustellung</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Follow new attempts as they are recorded</source>
        <translation>Neuen Versuchen folgen, sobald sie erfasst werden</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>Compare policy: off</source>
        <translation>Richtlinie vergleichen: aus</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole range (Home)</source>
        <translation>Den ganzen Zeitraum anzeigen (Pos1)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Compare with %1</source>
        <translation>Mit %1 vergleichen</translation>
    </message>
    <message>
        <source>Draw when another retry policy would have attempted the selected delivery, from the same outcomes</source>
        <translation>Einzeichnen, wann eine andere Wiederholungsrichtlinie die ausgewählte Zustellung versucht hätte, bei denselben Ergebnissen</translation>
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
    <message>
        <source>Loading attempts…</source>
        <translation>Versuche werden geladen …</translation>
    </message>
    <message>
        <source>Could not load the timeline</source>
        <translation>Die Zeitachse konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>No attempts in this range</source>
        <translation>Keine Versuche in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Nothing was attempted for %1 between %2 and %3. Choose a longer range, another scope, or turn on Live to watch new attempts arrive.</source>
        <translation>Für %1 wurde zwischen %2 und %3 nichts versucht. Wählen Sie einen längeren Zeitraum oder einen anderen Ausschnitt, oder schalten Sie Live ein, um neue Versuche eintreffen zu sehen.</translation>
    </message>
    <message>
        <source>any tenant</source>
        <translation>alle Mandanten</translation>
    </message>
    <message>
        <source>Attempts in view: %1</source>
        <translation>Versuche im Bild: %1</translation>
    </message>
    <message>
        <source>Lanes: %1</source>
        <translation>Bahnen: %1</translation>
    </message>
    <message>
        <source>close attempts of one outcome merged (hover for counts)</source>
        <translation>nahe Versuche mit gleichem Ergebnis zusammengefasst (Mauszeiger darüber für Anzahlen)</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>Export timeline as PDF</source>
        <translation>Zeitachse als PDF exportieren</translation>
    </message>
    <message>
        <source>Export timeline as PNG</source>
        <translation>Zeitachse als PNG exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Click an attempt of a failing delivery first</source>
        <translation>Klicken Sie zuerst auf einen Versuch einer fehlschlagenden Zustellung</translation>
    </message>
    <message>
        <source>Delivery %1 did not fail: nothing to compare</source>
        <translation>Zustellung %1 ist nicht fehlgeschlagen: nichts zu vergleichen</translation>
    </message>
</context>
<context>
    <name>wb::ui::WebhookPage</name>
    <message>
        <source>Copy &amp;URL</source>
        <translation>&amp;URL kopieren</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>Cop&amp;y secret</source>
        <translation>Geheimnis k&amp;opieren</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Register this URL at the provider as the webhook (notification) URL:</source>
        <translation>Registrieren Sie diese URL beim Anbieter als Webhook-URL (Benachrichtigungs-URL):</translation>
    </message>
    <message>
        <source>Stored in the keychain.</source>
        <translation>Im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Stored in the keychain when you press Next; leave it empty to add it later.</source>
        <translation>Wird beim Klick auf „Weiter“ im Schlüsselbund gespeichert; lassen Sie das Feld leer, um es später hinzuzufügen.</translation>
    </message>
    <message>
        <source>Where %1 sends its events, and how Wirebench checks they are genuine.</source>
        <translation>Wohin %1 seine Ereignisse sendet und wie Wirebench prüft, ob sie echt sind.</translation>
    </message>
    <message>
        <source>Enter a secret of your own or generate one, and enter the same at the provider.</source>
        <translation>Geben Sie ein eigenes Geheimnis ein oder erzeugen Sie eines, und geben Sie dasselbe beim Anbieter ein.</translation>
    </message>
    <message>
        <source>Paste the signing secret the provider shows for this webhook or app.</source>
        <translation>Fügen Sie das Signaturgeheimnis ein, das der Anbieter für diesen Webhook oder diese App anzeigt.</translation>
    </message>
    <message>
        <source>Creating the connection…</source>
        <translation>Die Verbindung wird angelegt …</translation>
    </message>
    <message>
        <source>The receiver is not listening: see the status bar.</source>
        <translation>Der Empfänger lauscht nicht: siehe Statusleiste.</translation>
    </message>
    <message>
        <source>The workspace&apos;s secrets are not open: the signing secret cannot be stored now. Clear the field to go on without it.</source>
        <translation>Die Geheimnisse des Arbeitsbereichs sind nicht geöffnet: Das Signaturgeheimnis kann jetzt nicht gespeichert werden. Leeren Sie das Feld, um ohne es fortzufahren.</translation>
    </message>
    <message>
        <source>Storing the signing secret in the keychain…</source>
        <translation>Das Signaturgeheimnis wird im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Ge&amp;nerate</source>
        <translation>Er&amp;zeugen</translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <source>Verify token (enter the same at the provider with the callback URL; Wirebench answers the provider&apos;s check only when it matches):</source>
        <translation>Verifizierungstoken (beim Anbieter zusammen mit der Callback-URL gleich eintragen; Wirebench beantwortet die Prüfung des Anbieters nur, wenn es übereinstimmt):</translation>
    </message>
    <message>
        <source>Saved with the connection.</source>
        <translation>Mit der Verbindung gespeichert.</translation>
    </message>
    <message>
        <source>Saved with the connection when you press Next; leave it empty to add it later.</source>
        <translation>Wird mit „Weiter“ bei der Verbindung gespeichert; leer lassen, um es später einzutragen.</translation>
    </message>
    <message>
        <source>Saving the verify token…</source>
        <translation>Verifizierungstoken wird gespeichert…</translation>
    </message>
</context>
</TS>
