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
        <source>This workspace keeps its secrets in the &quot;%1&quot; backend, which this version of Wirebench does not provide yet.</source>
        <translation>Dieser Arbeitsbereich speichert seine Geheimnisse im Backend „%1“, das diese Wirebench-Version noch nicht bietet.</translation>
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
    <name>wb::core::ReaderPool</name>
    <message>
        <source>The workspace is closed; nothing was read.</source>
        <translation>Der Arbeitsbereich ist geschlossen; nichts wurde gelesen.</translation>
    </message>
</context>
<context>
    <name>wb::core::Receiver</name>
    <message>
        <source>Cannot listen on %1 port %2: the address is in use or not available on this machine.</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: Die Adresse ist belegt oder auf diesem Rechner nicht verfügbar.</translation>
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
        <source>Dispatcher idle</source>
        <translation>Zusteller untätig</translation>
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
