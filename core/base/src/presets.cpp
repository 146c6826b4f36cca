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
} // namespace embedded

std::vector<std::string> presetNames()
{
    return {"digits-quick", "fashion-mnist", "cifar10-paper"};
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
