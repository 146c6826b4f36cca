// SPDX-License-Identifier: MIT
// The German and Simplified Chinese translations are complete (every message finished, every
// placeholder kept), are compiled into the studio, and are what the main window shows.

#include "mainwindow.h"
#include "studiotranslations.h"

#include <QFile>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace sparsenas;

namespace {

struct Message
{
    QString context, source;
    QStringList translations; ///< one, or the numerus forms
    bool unfinished = false;
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message")) {
                m = Message{};
                m.context = context;
                m.numerus = xml.attributes().value(QLatin1String("numerus")) ==
                            QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                m.unfinished = type == QLatin1String("unfinished");
                if (!m.numerus)
                    m.translations << xml.readElementText();
            } else if (xml.name() == QLatin1String("numerusform")) {
                m.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(L?\\d|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

QString tsPath(const QString &lang)
{
    return QStringLiteral(SPARSENAS_SOURCE_DIR "/translations/sparsenas_%1.ts").arg(lang);
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data();
    void complete();
    void compiledIn_data();
    void compiledIn();
};

void tst_Translations::complete_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<int>("forms"); // numerus forms of the language
    QTest::newRow("German") << QStringLiteral("de") << 2;
    QTest::newRow("Simplified Chinese") << QStringLiteral("zh_CN") << 1;
}

void tst_Translations::complete()
{
    QFETCH(QString, lang);
    QFETCH(int, forms);
    QString error;
    const QList<Message> messages = readTs(tsPath(lang), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 300);
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + where));
        QCOMPARE(m.translations.size(), m.numerus ? forms : 1);
        for (const QString &t : m.translations) {
            QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
            QSet<QString> want = placeholders(m.source);
            if (m.numerus && forms == 1)
                want.remove(QStringLiteral("%n")); // a single form may spell the number out
            QVERIFY2(placeholders(t).contains(want),
                     qPrintable(QStringLiteral("placeholder lost: ") + where +
                                QStringLiteral(" -> ") + t));
        }
    }
}

void tst_Translations::compiledIn_data()
{
    complete_data();
}

void tst_Translations::compiledIn()
{
    QFETCH(QString, lang);
    QString error;
    const QList<Message> messages = readTs(tsPath(lang), &error);
    QVERIFY(installStudioTranslations(QLocale(lang)));

    // Whatever the .ts says is what the program returns, for every plain message.
    int checked = 0;
    for (const Message &m : messages) {
        if (m.numerus)
            continue;
        QCOMPARE(QCoreApplication::translate(m.context.toUtf8().constData(),
                                             m.source.toUtf8().constData()),
                 m.translations.value(0));
        ++checked;
    }
    QVERIFY(checked > 300);

    // And the main window is built in that language.
    QString file;
    for (const Message &m : messages) {
        if (m.context == QLatin1String("sparsenas::MainWindow") &&
            m.source == QLatin1String("&File"))
            file = m.translations.value(0);
    }
    QVERIFY(!file.isEmpty() && file != QLatin1String("&File"));
    MainWindow w;
    w.setInteractive(false);
    QCOMPARE(w.menuBar()->actions().value(0)->text(), file);

    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
