// SPDX-License-Identifier: MIT
// sparsenas-studio: the desktop studio. Everything but the command line lives in the
// sparsenas_studio library (mainwindow.cpp and the controller).

#include "mainwindow.h"
#include "studiotranslations.h"

#include "configform.h"

#include "sparsenas/systeminfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QIcon>
#include <QLocale>
#include <QTimer>

#include <cstdio>

using namespace sparsenas;

namespace {

struct Options
{
    QCommandLineOption preset{QStringLiteral("preset"),
                              QStringLiteral("Load the shipped preset NAME into the form."),
                              QStringLiteral("NAME")};
    QCommandLineOption start{QStringLiteral("start"), QStringLiteral("Start the search at once.")};
    QCommandLineOption open{QStringLiteral("open"),
                            QStringLiteral("Open (and follow) the run directory DIR."),
                            QStringLiteral("DIR")};
    QCommandLineOption runs{QStringLiteral("runs"), QStringLiteral("Create new runs under DIR."),
                            QStringLiteral("DIR")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QStringLiteral("Interface language (de, zh_CN, en); default: "
                                           "the system locale."),
                            QStringLiteral("CODE")};
    QCommandLineOption threads{QStringLiteral("threads"),
                               QStringLiteral("CPU threads of the search (0: all cores); "
                                              "written into the form's config."),
                               QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption shot{QStringLiteral("screenshot"),
                            QStringLiteral("Save a screenshot of the window to FILE after "
                                           "--screenshot-delay seconds, then quit."),
                            QStringLiteral("FILE")};
    QCommandLineOption shotDelay{QStringLiteral("screenshot-delay"),
                                 QStringLiteral("Seconds before --screenshot (default 20)."),
                                 QStringLiteral("SECONDS"), QStringLiteral("20")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QStringLiteral(
            "SparseNAS Studio: neural architecture search as a sparse supernet, live."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({preset, start, open, runs, lang, threads, shot, shotDelay});
    }
};

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SparseNAS"));
    QCoreApplication::setApplicationName(QStringLiteral("SparseNAS Studio"));
    QCoreApplication::setApplicationVersion(
        QStringLiteral(SPARSENAS_VERSION " (LibTorch %1, " SPARSENAS_BUILD_TYPE " build)")
            .arg(QString::fromStdString(torchVersion())));
}

} // namespace

int main(int argc, char *argv[])
{
    const Options o;
    {
        // --help, --version and a wrong option are answered before any window system is
        // touched, so that they work on a machine without a display (and for the manual page,
        // generated from --help at build time).
        QCoreApplication pre(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        o.addTo(parser);
        parser.process(pre); // exits for --help, --version and usage errors
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(QStringLiteral("sparsenas-studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sparsenas-studio.svg")));

    QCommandLineParser parser;
    o.addTo(parser);
    parser.process(app);
    const QCommandLineOption &preset = o.preset, &start = o.start, &open = o.open, &runs = o.runs,
                             &lang = o.lang, &threads = o.threads, &shot = o.shot,
                             &shotDelay = o.shotDelay;

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
