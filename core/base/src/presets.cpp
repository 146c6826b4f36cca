// SPDX-License-Identifier: MIT
#include "sparsenas/base/config.h"

#include <cstddef>

namespace sparsenas {

namespace embedded {
extern const unsigned char preset_digits_quick[];
extern const std::size_t preset_digits_quick_size;
extern const unsigned char preset_fashion_mnist[];
extern const std::size_t preset_fashion_mnist_size;
extern const unsigned char preset_cifar10_paper[];
extern const std::size_t preset_cifar10_paper_size;
extern const unsigned char preset_text_quick[];
extern const std::size_t preset_text_quick_size;
extern const unsigned char preset_ptb_paper[];
extern const std::size_t preset_ptb_paper_size;
extern const unsigned char preset_text_eval[];
extern const std::size_t preset_text_eval_size;
extern const unsigned char preset_ptb_eval[];
extern const std::size_t preset_ptb_eval_size;
extern const unsigned char preset_digits_eval[];
extern const std::size_t preset_digits_eval_size;
extern const unsigned char preset_fashion_mnist_eval[];
extern const std::size_t preset_fashion_mnist_eval_size;
extern const unsigned char preset_cifar10_eval[];
extern const std::size_t preset_cifar10_eval_size;
extern const unsigned char preset_cifar100_eval[];
extern const std::size_t preset_cifar100_eval_size;
} // namespace embedded

std::vector<std::string> presetNames()
{
    return {"digits-quick", "fashion-mnist",      "cifar10-paper", "text-quick",    "ptb-paper",
            "digits-eval",  "fashion-mnist-eval", "cifar10-eval",  "cifar100-eval", "text-eval",
            "ptb-eval"};
}

std::string presetText(const std::string &name)
{
    auto text = [](const unsigned char *p, std::size_t n) {
        return std::string(reinterpret_cast<const char *>(p), n);
    };
    using namespace embedded;
    if (name == "digits-quick")
        return text(preset_digits_quick, preset_digits_quick_size);
    if (name == "fashion-mnist")
        return text(preset_fashion_mnist, preset_fashion_mnist_size);
    if (name == "cifar10-paper")
        return text(preset_cifar10_paper, preset_cifar10_paper_size);
    if (name == "text-quick")
        return text(preset_text_quick, preset_text_quick_size);
    if (name == "ptb-paper")
        return text(preset_ptb_paper, preset_ptb_paper_size);
    if (name == "text-eval")
        return text(preset_text_eval, preset_text_eval_size);
    if (name == "ptb-eval")
        return text(preset_ptb_eval, preset_ptb_eval_size);
    if (name == "digits-eval")
        return text(preset_digits_eval, preset_digits_eval_size);
    if (name == "fashion-mnist-eval")
        return text(preset_fashion_mnist_eval, preset_fashion_mnist_eval_size);
    if (name == "cifar10-eval")
        return text(preset_cifar10_eval, preset_cifar10_eval_size);
    if (name == "cifar100-eval")
        return text(preset_cifar100_eval, preset_cifar100_eval_size);
    std::string list;
    for (const auto &n : presetNames())
        list += (list.empty() ? "" : ", ") + n;
    throw ConfigError("unknown preset '" + name + "' (presets: " + list + ")");
}

RunConfig presetConfig(const std::string &name)
{
    return configFromText(presetText(name), "preset " + name);
}

} // namespace sparsenas
