// SPDX-License-Identifier: MIT
// sparsenas-studio: the desktop studio. Everything but the command line lives in the
// sparsenas_studio library (mainwindow.cpp and the controller).

#include "mainwindow.h"
#include "studiotranslations.h"

#include "configform.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLocale>
#include <QTimer>

#include <cstdio>

using namespace sparsenas;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SparseNAS"));
    QApplication::setApplicationName(QStringLiteral("SparseNAS Studio"));
    QApplication::setApplicationVersion(QStringLiteral(SPARSENAS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("sparsenas-studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sparsenas-studio.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("SparseNAS Studio: neural architecture search as a sparse supernet, live."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    QStringLiteral("Load the shipped preset NAME into the form."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption start(QStringLiteral("start"),
                                   QStringLiteral("Start the search at once."));
    const QCommandLineOption open(QStringLiteral("open"),
                                  QStringLiteral("Open (and follow) the run directory DIR."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Create new runs under DIR."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Interface language (de, zh_CN, en); default: "
                                                 "the system locale."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("CPU threads of the search (0: all cores); "
                                                    "written into the form's config."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption shot(QStringLiteral("screenshot"),
                                  QStringLiteral("Save a screenshot of the window to FILE after "
                                                 "--screenshot-delay seconds, then quit."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption shotDelay(QStringLiteral("screenshot-delay"),
                                       QStringLiteral("Seconds before --screenshot (default 20)."),
                                       QStringLiteral("SECONDS"), QStringLiteral("20"));
    parser.addOptions({preset, start, open, runs, lang, threads, shot, shotDelay});
    parser.process(app);

    installStudioTranslations(parser.isSet(lang) ? QLocale(parser.value(lang)) : QLocale());

    MainWindow window;
    if (parser.isSet(runs))
        window.setRunsRoot(QDir(parser.value(runs)).absolutePath());
    if (parser.isSet(preset))
        window.loadPreset(parser.value(preset));
    if (parser.isSet(threads)) {
        // The engine sets its threads from the run's config: put the option there.
        nlohmann::json config = window.configForm()->configJson();
        config["search"]["threads"] = parser.value(threads).toInt();
        window.configForm()->setConfigJson(config);
    }
    window.show();

    if (parser.isSet(open)) {
        if (!window.openRunDirectory(parser.value(open)))
            return 1;
    } else if (parser.isSet(start)) {
        QTimer::singleShot(0, &window, [&window] { window.startSearch(); });
    }
    if (parser.isSet(shot)) {
        const QString file = parser.value(shot);
        window.setInteractive(false);
        QTimer::singleShot(int(parser.value(shotDelay).toDouble() * 1000), &window,
                           [&window, file] {
                               if (!window.grab().save(file))
                                   std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
                               window.close();
                           });
    }
    return QApplication::exec();
}
