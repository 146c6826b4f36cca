// SPDX-License-Identifier: MIT
#include "sparsenas/base/ablationtable.h"

#include "sparsenas/base/errors.h"
#include "sparsenas/base/names.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace sparsenas {

const char *const kAblationCsvHeader = "optimizer,penalty,log10_lambda,lambda,seed,val_acc,"
                                       "features,neurons,element_sparsity,train_loss,seconds";

std::string ablationCsv(const std::vector<AblationRow> &rows)
{
    std::ostringstream out;
    out << kAblationCsvHeader << '\n';
    char buf[320];
    for (const auto &r : rows) {
        std::snprintf(buf, sizeof buf, "%s,%s,%.6g,%.6g,%llu,%.6g,%lld,%lld,%.6g,%.6g,%.3f\n",
                      r.optimizer.c_str(), r.penalty.c_str(), r.log10Lambda, r.lambda, r.seed,
                      r.valAcc, r.features, r.neurons, r.elementSparsity, r.trainLoss, r.seconds);
        out << buf;
    }
    return out.str();
}

namespace {

std::vector<std::string> splitCommas(const std::string &line)
{
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        const auto comma = line.find(',', start);
        out.push_back(
            line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            return out;
        start = comma + 1;
    }
}

} // namespace

std::vector<AblationRow> parseAblationCsv(const std::string &text, const std::string &source)
{
    static const std::vector<std::string> columns = splitCommas(kAblationCsvHeader);
    std::vector<AblationRow> rows;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::string where = source + " line " + std::to_string(number) + ": ";
        if (number == 1) {
            if (line != kAblationCsvHeader)
                throw FormatError(where + "the header is not ablation.csv's (" +
                                  kAblationCsvHeader + ")");
            continue;
        }
        if (line.empty())
            continue;
        const auto fields = splitCommas(line);
        if (fields.size() != columns.size())
            throw FormatError(where + std::to_string(fields.size()) + " fields, expected " +
                              std::to_string(columns.size()));
        const auto bad = [&](size_t i, const char *what) {
            return FormatError(where + columns[i] + " '" + fields[i] + "' is not " + what);
        };
        const auto real = [&](size_t i) {
            const char *s = fields[i].c_str();
            char *end = nullptr;
            errno = 0;
            const double v = std::strtod(s, &end);
            if (fields[i].empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v))
                throw bad(i, "a finite number");
            return v;
        };
        const auto whole = [&](size_t i) {
            const char *s = fields[i].c_str();
            char *end = nullptr;
            errno = 0;
            const long long v = std::strtoll(s, &end, 10);
            if (fields[i].empty() || *end != '\0' || errno == ERANGE || v < 0)
                throw bad(i, "a count");
            return v;
        };
        AblationRow r;
        r.optimizer = fields[0];
        if (!parseName<ArchOptimizerKind>(r.optimizer))
            throw bad(0, "an optimizer");
        r.penalty = fields[1];
        if (!parseName<PenaltyKind>(r.penalty))
            throw bad(1, "a penalty");
        r.log10Lambda = real(2);
        r.lambda = real(3);
        r.seed = static_cast<unsigned long long>(whole(4));
        r.valAcc = real(5);
        r.features = whole(6);
        r.neurons = whole(7);
        r.elementSparsity = real(8);
        r.trainLoss = real(9);
        r.seconds = real(10);
        rows.push_back(std::move(r));
    }
    return rows;
}

Figure ablationFigure(const std::vector<AblationRow> &rows,
                      const std::vector<std::string> &methodOrder)
{
    std::vector<std::string> methods = methodOrder;
    for (const auto &r : rows) {
        if (std::find(methods.begin(), methods.end(), r.method()) == methods.end())
            methods.push_back(r.method());
    }
    Figure fig;
    fig.columns = 4;
    fig.panelWidth = 250;
    fig.panelHeight = 230;
    const char *titles[] = {"stand-alone validation accuracy", "selected input features",
                            "remaining hidden neurons", "element sparsity"};
    const std::string yLabels[] = {
        "accuracy (%)", "features (of " + std::to_string(kAblationInputs) + ")",
        "neurons (of " + std::to_string(kAblationHiddenUnits) + ")", "zero weights (%)"};
    for (int panel = 0; panel < 4; ++panel) {
        FigurePanel p;
        p.title = titles[panel];
        p.xLabel = "log10(lambda)";
        p.yLabel = yLabels[panel];
        if (panel == 1)
            p.yMin = 0, p.yMax = kAblationInputs;
        if (panel == 2)
            p.yMin = 0, p.yMax = kAblationHiddenUnits;
        if (panel == 3)
            p.yMin = 0, p.yMax = 100;
        for (size_t m = 0; m < methods.size(); ++m) {
            FigureSeries s;
            s.name = methods[m];
            s.color = figureColor(m);
            s.dashed = methods[m].substr(methods[m].find('/') + 1) !=
                       nameOf(PenaltyKind::SparseGroupLasso);
            // The lambdas this method has rows at, in increasing order (the CSV writes each
            // lambda's log10 the same way in every row, so equal values compare equal).
            std::vector<double> lambdas;
            for (const auto &r : rows) {
                if (r.method() == methods[m] &&
                    std::find(lambdas.begin(), lambdas.end(), r.log10Lambda) == lambdas.end())
                    lambdas.push_back(r.log10Lambda);
            }
            std::sort(lambdas.begin(), lambdas.end());
            for (double l10 : lambdas) {
                std::vector<double> v;
                for (const auto &r : rows) {
                    if (r.method() != methods[m] || r.log10Lambda != l10)
                        continue;
                    v.push_back(panel == 0   ? 100 * r.valAcc
                                : panel == 1 ? double(r.features)
                                : panel == 2 ? double(r.neurons)
                                             : 100 * r.elementSparsity);
                }
                double sum = 0;
                for (double x : v)
                    sum += x;
                s.x.push_back(l10);
                s.y.push_back(sum / double(v.size()));
                s.lo.push_back(*std::min_element(v.begin(), v.end()));
                s.hi.push_back(*std::max_element(v.begin(), v.end()));
            }
            p.series.push_back(std::move(s));
        }
        fig.panels.push_back(std::move(p));
    }
    return fig;
}

} // namespace sparsenas
