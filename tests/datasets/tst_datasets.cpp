// SPDX-License-Identifier: MIT
#include "sparsenas/dataset.h"

#include <QtTest>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <tuple>

using namespace sparsenas;

namespace {

std::string be32(uint32_t v)
{
    std::string s(4, '\0');
    s[0] = char(v >> 24);
    s[1] = char(v >> 16);
    s[2] = char(v >> 8);
    s[3] = char(v);
    return s;
}

int pixelAt(int image, int k)
{
    return (image * 37 + k * 11 + 5) % 256;
}

/// IDX image file of n images of rows x cols with pixelAt() values.
std::string idxImages(int n, int rows, int cols, uint32_t magic = 0x00000803)
{
    std::string s = be32(magic) + be32(uint32_t(n)) + be32(uint32_t(rows)) + be32(uint32_t(cols));
    for (int i = 0; i < n; ++i)
        for (int k = 0; k < rows * cols; ++k)
            s.push_back(char(pixelAt(i, k)));
    return s;
}

std::string idxLabels(const std::vector<int> &labels, uint32_t magic = 0x00000801)
{
    std::string s = be32(magic) + be32(uint32_t(labels.size()));
    for (const int l : labels)
        s.push_back(char(l));
    return s;
}

/// Bytes that deflate poorly, so a gzip file of them is long enough to cut in the middle.
std::string noise(std::size_t n, uint32_t seed)
{
    std::string s(n, '\0');
    for (auto &c : s) {
        seed = seed * 1664525u + 1013904223u;
        c = char(seed >> 24);
    }
    return s;
}

void writeRaw(const std::string &path, const std::string &bytes)
{
    std::FILE *f = std::fopen(path.c_str(), "wb");
    QVERIFY2(f, path.c_str());
    QCOMPARE(std::fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
    QCOMPARE(std::fclose(f), 0);
}

void writeGz(const std::string &path, const std::string &bytes)
{
    gzFile f = gzopen(path.c_str(), "wb");
    QVERIFY2(f, path.c_str());
    QCOMPARE(gzwrite(f, bytes.data(), unsigned(bytes.size())), int(bytes.size()));
    QCOMPARE(gzclose(f), Z_OK);
}

std::string readAll(const std::string &path)
{
    std::string out;
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        return out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    std::fclose(f);
    return out;
}

std::string gzBytes(const QTemporaryDir &dir, const std::string &bytes)
{
    const std::string path = dir.filePath(QStringLiteral("scratch.gz")).toStdString();
    writeGz(path, bytes);
    return readAll(path);
}

/// The message of the DataError `f` throws, or a description of what happened instead.
QString dataErrorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const DataError &e) {
        return QString::fromStdString(e.what());
    } catch (const std::exception &e) {
        return QStringLiteral("<not a DataError: %1>").arg(QString::fromStdString(e.what()));
    }
    return QStringLiteral("<no exception>");
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

int u8(const torch::Tensor &t)
{
    return t.item<int>();
}

/// Population mean and stddev of values / scale.
std::pair<double, double> stats(const std::vector<double> &values, double scale)
{
    double sum = 0;
    for (const double v : values)
        sum += v / scale;
    const double mean = sum / double(values.size());
    double var = 0;
    for (const double v : values)
        var += (v / scale - mean) * (v / scale - mean);
    return {mean, std::sqrt(var / double(values.size()))};
}

} // namespace

class tst_Datasets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idxRawAndGzip();
    void idxPrefersRawOverGz();
    void idxWrongMagic();
    void idxTruncatedAndTrailing();
    void idxTruncatedGzip();
    void idxLabelCountMismatch();
    void idxLabelOutOfRange();
    void gzipInMemory();
    void cifar10();
    void cifar100();
    void cifarBadFiles();
    void missingFolderAndFiles();
    void digitsCsv();
    void digitsCsvErrors();
    void embeddedDigits();
    void split();
    void batchSampler();
    void shuffleIsUniform();
    void makeBatchNormalises();
    void makeBatchAugments_data();
    void makeBatchAugments();
    void realFashionMnist();
};

void tst_Datasets::idxRawAndGzip()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const std::vector<int> labels{2, 0, 9};
    writeRaw(dir + "/train-images-idx3-ubyte", idxImages(3, 2, 3));
    writeRaw(dir + "/train-labels-idx1-ubyte", idxLabels(labels));
    writeGz(dir + "/t10k-images-idx3-ubyte.gz", idxImages(3, 2, 3));
    writeGz(dir + "/t10k-labels-idx1-ubyte.gz", idxLabels(labels));

    for (const bool train : {true, false}) {
        const Dataset d = loadMnistFolder(dir, "mnist", train);
        QCOMPARE(q(d.name), QStringLiteral("mnist"));
        QCOMPARE(qint64(d.size()), qint64(3));
        QCOMPARE(d.images.sizes().vec(), (std::vector<int64_t>{3, 1, 2, 3}));
        QVERIFY(d.images.scalar_type() == torch::kUInt8);
        QVERIFY(d.labels.scalar_type() == torch::kInt64);
        QCOMPARE(qint64(d.numClasses), qint64(10));
        QCOMPARE(d.pixelScale, 255.0f);
        QVERIFY(!d.augment);
        QVERIFY(q(d.attribution).contains(QLatin1String("LeCun")));
        std::vector<double> values;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(d.labels[i].item<int64_t>(), int64_t(labels[std::size_t(i)]));
            for (int y = 0; y < 2; ++y)
                for (int x = 0; x < 3; ++x) {
                    QCOMPARE(u8(d.images[i][0][y][x]), pixelAt(i, y * 3 + x));
                    values.push_back(pixelAt(i, y * 3 + x));
                }
        }
        const auto [mean, sd] = stats(values, 255.0);
        QCOMPARE(d.mean.size(), std::size_t(1));
        QVERIFY(std::abs(d.mean[0] - mean) < 1e-6);
        QVERIFY(std::abs(d.stddev[0] - sd) < 1e-6);
    }

    // Raw images with gzip labels, through loadIdxPair directly.
    const Dataset mixed = loadIdxPair(dir + "/train-images-idx3-ubyte",
                                      dir + "/t10k-labels-idx1-ubyte.gz", "fashion-mnist");
    QCOMPARE(qint64(mixed.size()), qint64(3));
    QCOMPARE(u8(mixed.images[2][0][1][2]), pixelAt(2, 5));
    QVERIFY(q(mixed.attribution).contains(QLatin1String("Zalando")));
}

void tst_Datasets::idxPrefersRawOverGz()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    writeRaw(dir + "/t10k-images-idx3-ubyte", idxImages(2, 1, 1));
    writeGz(dir + "/t10k-images-idx3-ubyte.gz", idxImages(5, 1, 1));
    writeGz(dir + "/t10k-labels-idx1-ubyte.gz", idxLabels({1, 1}));
    const Dataset d = loadMnistFolder(dir, "mnist", false);
    QCOMPARE(qint64(d.size()), qint64(2));
}

void tst_Datasets::idxWrongMagic()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const std::string images = dir + "/images.idx";
    const std::string labels = dir + "/labels.idx";
    const std::string good = dir + "/good-labels.idx";
    writeRaw(images, idxImages(2, 2, 2, 0x00000801));
    writeRaw(good, idxLabels({0, 1}));
    QString msg = dataErrorOf([&] { loadIdxPair(images, good, "mnist"); });
    QVERIFY2(msg.contains(q(images)), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("magic")), qPrintable(msg));

    writeRaw(images, idxImages(2, 2, 2));
    writeRaw(labels, idxLabels({0, 1}, 0x00000802));
    msg = dataErrorOf([&] { loadIdxPair(images, labels, "mnist"); });
    QVERIFY2(msg.contains(q(labels)), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("magic")), qPrintable(msg));
}

void tst_Datasets::idxTruncatedAndTrailing()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const std::string images = dir + "/images.idx";
    const std::string labels = dir + "/labels.idx";
    writeRaw(labels, idxLabels({0, 1, 2}));
    const std::string full = idxImages(3, 4, 4); // 16 + 48 = 64 bytes
    QCOMPARE(full.size(), std::size_t(64));

    writeRaw(images, full.substr(0, 63));
    QString msg = dataErrorOf([&] { loadIdxPair(images, labels, "mnist"); });
    QVERIFY2(msg.contains(q(images)), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("truncated")), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("64")) && msg.contains(QLatin1String("63")),
             qPrintable(msg));

    writeRaw(images, full.substr(0, 10));
    msg = dataErrorOf([&] { loadIdxPair(images, labels, "mnist"); });
    QVERIFY2(msg.contains(q(images)) && msg.contains(QLatin1String("truncated")), qPrintable(msg));

    writeRaw(images, full + "xyz");
    msg = dataErrorOf([&] { loadIdxPair(images, labels, "mnist"); });
    QVERIFY2(msg.contains(q(images)), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("64")) && msg.contains(QLatin1String("67")),
             qPrintable(msg));

    // The same checks apply to the label file.
    writeRaw(images, full);
    writeRaw(labels, idxLabels({0, 1, 2}).substr(0, 10));
    msg = dataErrorOf([&] { loadIdxPair(images, labels, "mnist"); });
    QVERIFY2(msg.contains(q(labels)) && msg.contains(QLatin1String("truncated")), qPrintable(msg));
}

void tst_Datasets::idxTruncatedGzip()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const int n = 20;
    std::string images = be32(0x00000803) + be32(n) + be32(28) + be32(28);
    images += noise(std::size_t(n) * 28 * 28, 7);
    const std::string imagesPath = dir + "/train-images-idx3-ubyte.gz";
    const std::string labelsPath = dir + "/train-labels-idx1-ubyte.gz";
    writeGz(imagesPath, images);
    writeGz(labelsPath, idxLabels(std::vector<int>(n, 3)));
    QCOMPARE(qint64(loadMnistFolder(dir, "fashion-mnist", true).size()), qint64(n));

    const std::string gz = readAll(imagesPath);
    QVERIFY(gz.size() > 1000);
    writeRaw(imagesPath, gz.substr(0, gz.size() / 2));
    QString msg = dataErrorOf([&] { loadMnistFolder(dir, "fashion-mnist", true); });
    QVERIFY2(msg.contains(q(imagesPath)), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("truncated")), qPrintable(msg));

    // Cut inside the 8-byte trailer (CRC and size): still truncated.
    writeRaw(imagesPath, gz.substr(0, gz.size() - 3));
    msg = dataErrorOf([&] { readMaybeGzip(imagesPath); });
    QVERIFY2(msg.contains(q(imagesPath)) && msg.contains(QLatin1String("truncated")),
             qPrintable(msg));
}

void tst_Datasets::idxLabelCountMismatch()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const std::string images = dir + "/images.idx.gz";
    const std::string labels = dir + "/labels.idx.gz";
    writeGz(images, idxImages(3, 2, 2));
    writeGz(labels, idxLabels({0, 1}));
    const QString msg = dataErrorOf([&] { loadIdxPair(images, labels, "mnist"); });
    QVERIFY2(msg.contains(q(labels)), qPrintable(msg));
    QVERIFY2(msg.contains(q(images)), qPrintable(msg));
}

void tst_Datasets::idxLabelOutOfRange()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const std::string images = dir + "/images.idx";
    const std::string labels = dir + "/labels.idx";
    writeRaw(images, idxImages(3, 2, 2));
    writeRaw(labels, idxLabels({0, 10, 1}));
    QString msg = dataErrorOf([&] { loadIdxPair(images, labels, "mnist"); });
    QVERIFY2(msg.contains(q(labels)), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("10")), qPrintable(msg));
    // With more classes the same files are fine.
    QCOMPARE(loadIdxPair(images, labels, "mnist", 11).labels[1].item<int64_t>(), int64_t(10));
}

void tst_Datasets::gzipInMemory()
{
    QTemporaryDir tmp;
    const std::string plain = "not compressed\n";
    QCOMPARE(inflateMaybeGzip(plain, "x"), plain);
    QCOMPARE(inflateMaybeGzip(std::string(), "x"), std::string());

    const std::string a = noise(5000, 1);
    const std::string b = "second member";
    const std::string gzA = gzBytes(tmp, a);
    QCOMPARE(inflateMaybeGzip(gzA, "a.gz"), a);
    // Concatenated members inflate to the concatenation, as gzip -d does.
    QCOMPARE(inflateMaybeGzip(gzA + gzBytes(tmp, b), "ab.gz"), a + b);

    QString msg = dataErrorOf([&] { inflateMaybeGzip(gzA.substr(0, 100), "cut.gz"); });
    QVERIFY2(msg.contains(QLatin1String("cut.gz")), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("truncated")), qPrintable(msg));

    std::string bad = gzA;
    bad[bad.size() - 6] = char(bad[bad.size() - 6] ^ 0x55); // inside the CRC
    msg = dataErrorOf([&] { inflateMaybeGzip(bad, "crc.gz"); });
    QVERIFY2(msg.contains(QLatin1String("crc.gz")), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("corrupt")), qPrintable(msg));

    // A trailer that claims 2 GiB - 16 for 5000 bytes: sized by what was inflated, not by the
    // claim, and refused by zlib's length check with the file's name.
    std::string liar = gzA;
    for (int i = 0; i < 4; ++i)
        liar[liar.size() - 4 + i] = char(i == 3 ? 0x7f : 0xf0 * (i == 0) + 0xff * (i != 0));
    msg = dataErrorOf([&] { inflateMaybeGzip(liar, "liar.gz"); });
    QVERIFY2(msg.contains(QLatin1String("liar.gz")) && msg.contains(QLatin1String("length")),
             qPrintable(msg));
}

namespace {

int cifarPixel(int image, int channel, int k)
{
    return (image * 53 + channel * 101 + k * 7 + 1) % 256;
}

std::string cifarRecords(int first, int count, int labelBytes, const std::vector<int> &labels)
{
    std::string s;
    for (int r = 0; r < count; ++r) {
        const int image = first + r;
        if (labelBytes == 2)
            s.push_back(char(labels[std::size_t(image)] / 10)); // a made-up coarse label
        s.push_back(char(labels[std::size_t(image)]));
        for (int c = 0; c < 3; ++c)
            for (int k = 0; k < 32 * 32; ++k)
                s.push_back(char(cifarPixel(image, c, k)));
    }
    return s;
}

void checkCifarImages(const Dataset &d, const std::vector<int> &labels, int first)
{
    for (int i = 0; i < int(d.size()); ++i) {
        QCOMPARE(d.labels[i].item<int64_t>(), int64_t(labels[std::size_t(first + i)]));
        const auto acc = d.images.accessor<uint8_t, 4>();
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < 32; ++y)
                for (int x = 0; x < 32; ++x)
                    QCOMPARE(int(acc[i][c][y][x]), cifarPixel(first + i, c, y * 32 + x));
    }
}

} // namespace

void tst_Datasets::cifar10()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const std::vector<int> labels{3, 9, 0, 1, 2, 8, 7, 6, 5, 4, 9, 0, 3};
    for (int b = 0; b < 5; ++b)
        writeRaw(dir + "/data_batch_" + std::to_string(b + 1) + ".bin",
                 cifarRecords(2 * b, 2, 1, labels));
    writeRaw(dir + "/test_batch.bin", cifarRecords(10, 3, 1, labels));

    const Dataset train = loadCifarFolder(dir, 10, true);
    QCOMPARE(q(train.name), QStringLiteral("cifar10"));
    QCOMPARE(train.images.sizes().vec(), (std::vector<int64_t>{10, 3, 32, 32}));
    QCOMPARE(qint64(train.numClasses), qint64(10));
    QVERIFY(train.augment);
    QCOMPARE(train.pixelScale, 255.0f);
    QVERIFY(q(train.attribution).contains(QLatin1String("Krizhevsky")));
    checkCifarImages(train, labels, 0);
    QCOMPARE(train.mean.size(), std::size_t(3));
    for (int c = 0; c < 3; ++c) {
        std::vector<double> values;
        for (int i = 0; i < 10; ++i)
            for (int k = 0; k < 1024; ++k)
                values.push_back(cifarPixel(i, c, k));
        const auto [mean, sd] = stats(values, 255.0);
        QVERIFY(std::abs(train.mean[std::size_t(c)] - mean) < 1e-6);
        QVERIFY(std::abs(train.stddev[std::size_t(c)] - sd) < 1e-6);
    }

    const Dataset test = loadCifarFolder(dir, 10, false);
    QCOMPARE(qint64(test.size()), qint64(3));
    checkCifarImages(test, labels, 10);
}

void tst_Datasets::cifar100()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const std::vector<int> labels{99, 0, 57, 12, 42};
    writeRaw(dir + "/train.bin", cifarRecords(0, 3, 2, labels));
    writeGz(dir + "/test.bin", cifarRecords(3, 2, 2, labels));

    const Dataset train = loadCifarFolder(dir, 100, true);
    QCOMPARE(q(train.name), QStringLiteral("cifar100"));
    QCOMPARE(qint64(train.size()), qint64(3));
    QCOMPARE(qint64(train.numClasses), qint64(100));
    checkCifarImages(train, labels, 0);
    const Dataset test = loadCifarFolder(dir, 100, false);
    QCOMPARE(qint64(test.size()), qint64(2));
    checkCifarImages(test, labels, 3);
}

void tst_Datasets::cifarBadFiles()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const std::string path = dir + "/test_batch.bin";
    std::string bytes = cifarRecords(0, 2, 1, {1, 2});
    writeRaw(path, bytes.substr(0, bytes.size() - 100));
    QString msg = dataErrorOf([&] { loadCifarFolder(dir, 10, false); });
    QVERIFY2(msg.contains(q(path)), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("truncated")), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("3073")), qPrintable(msg));

    bytes[3073] = char(10);
    writeRaw(path, bytes);
    msg = dataErrorOf([&] { loadCifarFolder(dir, 10, false); });
    QVERIFY2(msg.contains(q(path)) && msg.contains(QLatin1String("label 10")), qPrintable(msg));

    const std::string path100 = dir + "/train.bin";
    writeRaw(path100, cifarRecords(0, 1, 2, {100}));
    msg = dataErrorOf([&] { loadCifarFolder(dir, 100, true); });
    QVERIFY2(msg.contains(q(path100)) && msg.contains(QLatin1String("label 100")), qPrintable(msg));

    // Only data_batch_1 of the five training batches exists.
    const std::string batch1 = dir + "/data_batch_1.bin";
    writeRaw(batch1, cifarRecords(0, 1, 1, {1}));
    msg = dataErrorOf([&] { loadCifarFolder(dir, 10, true); });
    QVERIFY2(msg.contains(q(dir + "/data_batch_2.bin")), qPrintable(msg));
}

void tst_Datasets::missingFolderAndFiles()
{
    QTemporaryDir tmp;
    const std::string missing = tmp.path().toStdString() + "/no-such-folder";
    QString msg = dataErrorOf([&] { loadMnistFolder(missing, "fashion-mnist", true); });
    QVERIFY2(msg.contains(q(missing)), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("apt-get install dataset-fashion-mnist")), qPrintable(msg));

    msg = dataErrorOf([&] { loadMnistFolder(missing, "mnist", false); });
    QVERIFY2(msg.contains(q(missing)), qPrintable(msg));
    msg = dataErrorOf([&] { loadCifarFolder(missing, 10, true); });
    QVERIFY2(msg.contains(q(missing)), qPrintable(msg));

    const std::string empty = tmp.path().toStdString();
    msg = dataErrorOf([&] { loadMnistFolder(empty, "fashion-mnist", false); });
    QVERIFY2(msg.contains(q(empty + "/t10k-images-idx3-ubyte")), qPrintable(msg));
    QVERIFY2(msg.contains(QLatin1String("apt-get install dataset-fashion-mnist")), qPrintable(msg));
    msg = dataErrorOf([&] { loadCifarFolder(empty, 100, false); });
    QVERIFY2(msg.contains(q(empty + "/test.bin")), qPrintable(msg));
    msg = dataErrorOf([&] { readMaybeGzip(empty + "/nothing.gz"); });
    QVERIFY2(msg.contains(q(empty + "/nothing.gz")), qPrintable(msg));

    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, loadCifarFolder(empty, 20, true));
}

namespace {

std::string digitsLine(int image, int label)
{
    std::string s;
    for (int k = 0; k < 64; ++k)
        s += std::to_string((image * 5 + k) % 17) + ",";
    return s + std::to_string(label);
}

} // namespace

void tst_Datasets::digitsCsv()
{
    QTemporaryDir tmp;
    const std::vector<int> labels{7, 0, 9};
    std::string csv;
    for (int i = 0; i < 3; ++i)
        csv += digitsLine(i, labels[std::size_t(i)]) + (i == 1 ? "\r\n" : "\n");

    for (const std::string &bytes : {csv, gzBytes(tmp, csv)}) {
        const Dataset d = parseDigitsCsv(bytes, "test.csv");
        QCOMPARE(q(d.name), QStringLiteral("digits"));
        QCOMPARE(d.images.sizes().vec(), (std::vector<int64_t>{3, 1, 8, 8}));
        QCOMPARE(d.pixelScale, 16.0f);
        QCOMPARE(qint64(d.numClasses), qint64(10));
        QVERIFY(!d.augment);
        std::vector<double> values;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(d.labels[i].item<int64_t>(), int64_t(labels[std::size_t(i)]));
            for (int k = 0; k < 64; ++k) {
                QCOMPARE(u8(d.images[i][0][k / 8][k % 8]), (i * 5 + k) % 17);
                values.push_back((i * 5 + k) % 17);
            }
        }
        const auto [mean, sd] = stats(values, 16.0);
        QVERIFY(std::abs(d.mean[0] - mean) < 1e-6);
        QVERIFY(std::abs(d.stddev[0] - sd) < 1e-6);
    }
}

void tst_Datasets::digitsCsvErrors()
{
    QTemporaryDir tmp;
    const std::string good = digitsLine(0, 1) + "\n";
    std::string shortLine = digitsLine(1, 2);
    shortLine = shortLine.substr(0, shortLine.rfind(','));
    QString msg = dataErrorOf([&] { parseDigitsCsv(good + shortLine + "\n", "short.csv"); });
    QVERIFY2(msg.contains(QLatin1String("short.csv")) && msg.contains(QLatin1String("line 2")),
             qPrintable(msg));

    msg = dataErrorOf([&] { parseDigitsCsv(good + "17," + good, "pixel.csv"); });
    QVERIFY2(msg.contains(QLatin1String("pixel.csv")) && msg.contains(QLatin1String("17")),
             qPrintable(msg));

    std::string badLabel = digitsLine(0, 1);
    badLabel.back() = 'x';
    msg = dataErrorOf([&] { parseDigitsCsv(badLabel, "label.csv"); });
    QVERIFY2(msg.contains(QLatin1String("label.csv")), qPrintable(msg));

    msg = dataErrorOf([&] { parseDigitsCsv("\n\n", "empty.csv"); });
    QVERIFY2(msg.contains(QLatin1String("empty.csv")), qPrintable(msg));

    const std::string gz = gzBytes(tmp, good + good + good);
    msg = dataErrorOf([&] { parseDigitsCsv(gz.substr(0, gz.size() - 10), "cut.csv.gz"); });
    QVERIFY2(msg.contains(QLatin1String("cut.csv.gz")) && msg.contains(QLatin1String("truncated")),
             qPrintable(msg));
}

void tst_Datasets::embeddedDigits()
{
    const Dataset d = loadEmbeddedDigits();
    QCOMPARE(q(d.name), QStringLiteral("digits"));
    QCOMPARE(d.images.sizes().vec(), (std::vector<int64_t>{1797, 1, 8, 8}));
    QCOMPARE(qint64(d.numClasses), qint64(10));
    QCOMPARE(d.pixelScale, 16.0f);
    QVERIFY(!d.augment);
    QVERIFY(q(d.attribution).contains(QLatin1String("Alpaydin")));
    QVERIFY(q(d.attribution).contains(QLatin1String("CC BY 4.0")));

    // Counted from resources/data/digits.csv.gz with zcat | awk -F, '{c[$65]++}'.
    const std::array<int, 10> expected{178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
    std::array<int, 10> counts{};
    for (int64_t i = 0; i < d.size(); ++i) {
        const auto label = d.labels[i].item<int64_t>();
        QVERIFY(label >= 0 && label < 10);
        ++counts[std::size_t(label)];
    }
    QCOMPARE(counts, expected);

    const std::array<int, 8> firstRow{0, 0, 5, 13, 9, 1, 0, 0};
    for (int x = 0; x < 8; ++x)
        QCOMPARE(u8(d.images[0][0][0][x]), firstRow[std::size_t(x)]);
    QCOMPARE(d.labels[0].item<int64_t>(), int64_t(0));
    QCOMPARE(u8(d.images.max()), 16);
    QVERIFY(d.mean[0] > 0.1f && d.mean[0] < 0.6f);
    QVERIFY(d.stddev[0] > 0.1f && d.stddev[0] < 0.6f);
}

void tst_Datasets::split()
{
    const Split s = makeSplit(1797, 42, 0.5);
    // 1797 * 0.5 = 898.5 rounds up: the train (weight) side gets the extra item.
    QCOMPARE(s.train.size(), std::size_t(899));
    QCOMPARE(s.val.size(), std::size_t(898));
    std::vector<int64_t> all = s.train;
    all.insert(all.end(), s.val.begin(), s.val.end());
    std::sort(all.begin(), all.end());
    for (int64_t i = 0; i < 1797; ++i)
        QCOMPARE(all[std::size_t(i)], i);
    const std::set<int64_t> train(s.train.begin(), s.train.end());
    for (const int64_t v : s.val)
        QVERIFY(!train.count(v));

    const Split again = makeSplit(1797, 42, 0.5);
    QCOMPARE(again.train, s.train);
    QCOMPARE(again.val, s.val);
    const Split other = makeSplit(1797, 43, 0.5);
    QVERIFY(other.train != s.train);

    const Split tenth = makeSplit(100, 1, 0.1);
    QCOMPARE(tenth.train.size(), std::size_t(10));
    QCOMPARE(makeSplit(2, 5, 0.01).train.size(), std::size_t(1));

    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(10, 1, 0.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(10, 1, 1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(10, 1, -0.5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(10, 1, std::nan("")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSplit(1, 1, 0.5));
}

void tst_Datasets::batchSampler()
{
    std::vector<int64_t> indices;
    for (int64_t i = 0; i < 103; ++i)
        indices.push_back(3 * i + 1);
    const BatchSampler sampler(indices, 10, 7, 0);
    QCOMPARE(qint64(sampler.batchesPerEpoch()), qint64(11));
    QCOMPARE(sampler.indices(), indices);

    std::vector<std::vector<int64_t>> orders;
    for (int64_t epoch = 0; epoch < 3; ++epoch) {
        std::vector<int64_t> order;
        for (int64_t b = 0; b < sampler.batchesPerEpoch(); ++b) {
            const auto batch = sampler.batch(epoch, b);
            QCOMPARE(batch.size(), std::size_t(b == 10 ? 3 : 10));
            order.insert(order.end(), batch.begin(), batch.end());
        }
        std::vector<int64_t> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, indices);
        orders.push_back(order);
    }
    QVERIFY(orders[0] != orders[1]);
    QVERIFY(orders[1] != orders[2]);
    QVERIFY(orders[0] != indices);

    // A fresh sampler, asked in another order, gives the same batches (resume).
    const BatchSampler resumed(indices, 10, 7, 0);
    QCOMPARE(resumed.batch(1, 4),
             std::vector<int64_t>(orders[1].begin() + 40, orders[1].begin() + 50));
    QCOMPARE(resumed.batch(0, 10), std::vector<int64_t>(orders[0].begin() + 100, orders[0].end()));
    const BatchSampler otherStream(indices, 10, 7, 1);
    const BatchSampler otherSeed(indices, 10, 8, 0);
    QVERIFY(otherStream.batch(0, 0) != sampler.batch(0, 0));
    QVERIFY(otherSeed.batch(0, 0) != sampler.batch(0, 0));

    QVERIFY_THROWS_EXCEPTION(std::out_of_range, sampler.batch(0, 11));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, sampler.batch(-1, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BatchSampler(indices, 0, 1, 1));
    QCOMPARE(qint64(BatchSampler({}, 4, 1, 1).batchesPerEpoch()), qint64(0));

    QVERIFY(mixSeed(1, 2, 3) != mixSeed(1, 3, 2));
    QVERIFY(mixSeed(0, 0, 0) != mixSeed(0, 0, 1));
    QCOMPARE(mixSeed(5, 6), mixSeed(5, 6, 0));
}

void tst_Datasets::shuffleIsUniform()
{
    // 60000 epochs of a 3-element shuffle: each of the 6 orders should come up ~10000 times
    // (standard deviation ~91); a biased bounded draw or shuffle would show here.
    const BatchSampler sampler({0, 1, 2}, 3, 11, 0);
    std::map<std::vector<int64_t>, int> counts;
    for (int64_t epoch = 0; epoch < 60000; ++epoch)
        ++counts[sampler.batch(epoch, 0)];
    QCOMPARE(counts.size(), std::size_t(6));
    for (const auto &entry : counts)
        QVERIFY2(std::abs(entry.second - 10000) < 500, qPrintable(QString::number(entry.second)));
}

void tst_Datasets::makeBatchNormalises()
{
    // Two images of 2 channels x 1 x 2 pixels.
    Dataset d;
    d.name = "tiny";
    const std::vector<uint8_t> raw{0, 255, 10, 20, 51, 102, 30, 40};
    d.images =
        torch::from_blob(const_cast<uint8_t *>(raw.data()), {2, 2, 1, 2}, torch::kUInt8).clone();
    d.labels = torch::tensor(std::vector<int64_t>{4, 6});
    d.numClasses = 10;
    d.pixelScale = 255.0f;
    computeChannelStats(d);

    // Channel 0: 0, 1, 0.2, 0.4 -> mean 0.4, variance (0.16 + 0.36 + 0.04 + 0) / 4 = 0.14.
    // Channel 1: (10, 20, 30, 40) / 255 -> mean 25 / 255, stddev sqrt(125) / 255.
    const double mean[2] = {0.4, 25.0 / 255.0};
    const double sd[2] = {std::sqrt(0.14), std::sqrt(125.0) / 255.0};
    QCOMPARE(d.mean.size(), std::size_t(2));
    for (int c = 0; c < 2; ++c) {
        QVERIFY(std::abs(d.mean[std::size_t(c)] - mean[c]) < 1e-6);
        QVERIFY(std::abs(d.stddev[std::size_t(c)] - sd[c]) < 1e-6);
    }

    for (const bool augment : {false, true}) { // augment is ignored: d.augment is false
        const auto [x, y] = makeBatch(d, {1, 0, 1}, augment, 99);
        QCOMPARE(x.sizes().vec(), (std::vector<int64_t>{3, 2, 1, 2}));
        QVERIFY(x.scalar_type() == torch::kFloat32);
        QVERIFY(y.scalar_type() == torch::kInt64);
        QCOMPARE(y[0].item<int64_t>(), int64_t(6));
        QCOMPARE(y[1].item<int64_t>(), int64_t(4));
        const int src[3] = {1, 0, 1};
        for (int b = 0; b < 3; ++b)
            for (int c = 0; c < 2; ++c)
                for (int k = 0; k < 2; ++k) {
                    const double v = raw[std::size_t(src[b] * 4 + c * 2 + k)];
                    const double want = (v / 255.0 - mean[c]) / sd[c];
                    const double got = x[b][c][0][k].item<float>();
                    QVERIFY2(std::abs(got - want) < 1e-5,
                             qPrintable(QStringLiteral("%1 vs %2").arg(got).arg(want)));
                }
    }
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, makeBatch(d, {2}, false, 0));
}

void tst_Datasets::makeBatchAugments_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("side");
    QTest::addColumn<int>("seeds");
    QTest::newRow("3x4x4") << 3 << 4 << 4;
    // Every window of an 8x8 image is distinct, so all 9 x 9 x 2 transforms must show up.
    QTest::newRow("1x8x8") << 1 << 8 << 40;
}

void tst_Datasets::makeBatchAugments()
{
    QFETCH(int, channels);
    QFETCH(int, side);
    QFETCH(int, seeds);
    // One image of distinct nonzero values and identity normalisation, so the batch holds the
    // raw values and every output must be a (flipped) window of the image padded with 4 zeros.
    const int h = side, w = side, pad = 4, batch = 64;
    const int64_t count = int64_t(channels) * h * w;
    Dataset d;
    d.name = "tiny";
    d.images = (torch::arange(1, count + 1, torch::kInt64) * (240 / count))
                   .to(torch::kUInt8)
                   .view({1, channels, h, w});
    d.labels = torch::tensor(std::vector<int64_t>{3});
    d.numClasses = 10;
    d.pixelScale = 1.0f;
    d.mean.assign(std::size_t(channels), 0.0f);
    d.stddev.assign(std::size_t(channels), 1.0f);
    d.augment = true;
    const auto img = d.images.accessor<uint8_t, 4>();
    const auto padded = [&](int c, int y, int x) -> float {
        y -= pad;
        x -= pad;
        return (y < 0 || y >= h || x < 0 || x >= w) ? 0.0f : float(img[0][c][y][x]);
    };

    const std::vector<int64_t> indices(batch, 0);
    std::set<std::tuple<int, int, bool>> seen;
    for (int seed = 0; seed < seeds; ++seed) {
        const auto [x, y] = makeBatch(d, indices, true, uint64_t(seed));
        QCOMPARE(x.sizes().vec(), (std::vector<int64_t>{batch, channels, h, w}));
        QVERIFY(torch::equal(y, torch::full({batch}, 3, torch::kInt64)));
        const auto out = x.accessor<float, 4>();
        for (int b = 0; b < batch; ++b) {
            bool matched = false;
            for (int dy = 0; dy <= 2 * pad && !matched; ++dy)
                for (int dx = 0; dx <= 2 * pad && !matched; ++dx)
                    for (const bool flip : {false, true}) {
                        bool same = true;
                        for (int c = 0; c < channels && same; ++c)
                            for (int yy = 0; yy < h && same; ++yy)
                                for (int xx = 0; xx < w && same; ++xx) {
                                    const int sx = flip ? w - 1 - xx : xx;
                                    same = out[b][c][yy][xx] == padded(c, yy + dy, sx + dx);
                                }
                        if (same) {
                            matched = true;
                            seen.insert({dy, dx, flip});
                            break;
                        }
                    }
            QVERIFY2(matched, qPrintable(QStringLiteral("sample %1 of seed %2").arg(b).arg(seed)));
        }
        QVERIFY(torch::equal(x, makeBatch(d, indices, true, uint64_t(seed)).first));
    }
    if (side > pad)
        QCOMPARE(seen.size(), std::size_t(2 * 9 * 9));
    else
        QVERIFY(seen.size() > 40);
    QVERIFY(
        !torch::equal(makeBatch(d, indices, true, 1).first, makeBatch(d, indices, true, 2).first));
    // Without augmentation the image comes back unchanged.
    QVERIFY(torch::equal(makeBatch(d, {0}, false, 1).first, d.images.to(torch::kFloat32)));
}

void tst_Datasets::realFashionMnist()
{
    const std::string dir = defaultFashionMnistDir();
    QCOMPARE(q(dir), QStringLiteral("/usr/share/datasets/fashion-mnist"));
    if (!QFileInfo::exists(q(dir)))
        QSKIP("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    const Dataset d = loadMnistFolder(dir, "fashion-mnist", false);
    QCOMPARE(d.images.sizes().vec(), (std::vector<int64_t>{10000, 1, 28, 28}));
    QCOMPARE(qint64(d.size()), qint64(10000));
    // The test set is balanced: 1000 images of each of the 10 classes.
    const torch::Tensor counts = torch::bincount(d.labels, {}, 10);
    QCOMPARE(counts.size(0), int64_t(10));
    QVERIFY(torch::equal(counts, torch::full({10}, 1000, torch::kInt64)));
    QVERIFY(q(d.attribution).contains(QLatin1String("Zalando")));
    QVERIFY(d.mean[0] > 0.2f && d.mean[0] < 0.4f);
    QVERIFY(d.stddev[0] > 0.25f && d.stddev[0] < 0.45f);
}

QTEST_GUILESS_MAIN(tst_Datasets)
#include "tst_datasets.moc"
