<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
    <name>wb::core::Receiver</name>
    <message>
        <source>Cannot listen on %1 port %2: the address is in use or not available on this machine.</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: Die Adresse ist belegt oder auf diesem Rechner nicht verfügbar.</translation>
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
