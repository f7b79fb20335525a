// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace wb::test {

// The source tree (WB_SOURCE_DIR, set by wb_add_test).
QString sourceDir();
// The build tree (WB_BINARY_DIR).
QString binaryDir();
// tests/fixtures/<relativePath>.
QString fixturePath(const QString &relativePath);
// The contents of a fixture file; fails the current test (QVERIFY-style message) when missing.
QByteArray readFixture(const QString &relativePath);
// tests/peers (the npm peers' package.json and scripts).
QString peersDir();
// The wirebench-cli binary under test (WB_CLI).
QString cliPath();

} // namespace wb::test
