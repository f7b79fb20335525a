// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "output.h"

#include <QCommandLineOption>

// The options of `wirebench-cli secrets` (secretscommand.h).
namespace wb::cli::secretsoptions {

using wb::cli::jsonOption; // output.h
const QCommandLineOption &masterKeyFileOption();
const QCommandLineOption &toOption();
const QCommandLineOption &newKeyFileOption();
const QCommandLineOption &connectionOption();
const QCommandLineOption &kindOption();
const QCommandLineOption &slotOption();
const QCommandLineOption &fromFileOption();
const QCommandLineOption &outOption();
const QCommandLineOption &keychainOption();

} // namespace wb::cli::secretsoptions
