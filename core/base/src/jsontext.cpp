// SPDX-License-Identifier: MIT
#include "sparsenas/base/jsontext.h"

#include "sparsenas/base/printable.h"

#include <algorithm>
#include <vector>

using nlohmann::json;

namespace sparsenas {

namespace {

/// A SAX pass that only follows where it is: the path of keys and array indices down to the
/// value being read, and the first error with its byte offset.
class Locator : public nlohmann::json_sax<json>
{
public:
    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool string(string_t &) override { return value(); }
    bool binary(binary_t &) override { return value(); }
    bool start_object(std::size_t) override
    {
        value();
        m_frames.push_back({false, {}, 0});
        return true;
    }
    bool key(string_t &k) override
    {
        m_frames.back().key = k;
        return true;
    }
    bool end_object() override
    {
        m_frames.pop_back();
        return true;
    }
    bool start_array(std::size_t) override
    {
        value();
        m_frames.push_back({true, {}, 0});
        return true;
    }
    bool end_array() override
    {
        m_frames.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string &token,
                     const nlohmann::detail::exception &ex) override
    {
        m_position = position;
        m_token = token;
        m_id = ex.id;
        m_message = ex.what();
        return false;
    }

    /// The path to the value that failed: in an array being read, the element after the last
    /// one read; in an array whose element (an object or array) is being read, that element.
    std::string path() const
    {
        std::string p;
        for (size_t i = 0; i < m_frames.size(); ++i) {
            const Frame &f = m_frames[i];
            const bool inside = i + 1 < m_frames.size();
            if (f.array)
                p += "[" + std::to_string(inside && f.count > 0 ? f.count - 1 : f.count) + "]";
            else if (!f.key.empty())
                p += (p.empty() ? "" : ".") + f.key;
        }
        return p;
    }
    std::size_t position() const { return m_position; }
    int id() const { return m_id; }
    const std::string &token() const { return m_token; }
    const std::string &message() const { return m_message; }

private:
    struct Frame
    {
        bool array;
        std::string key;
        std::size_t count; ///< array elements read
    };
    bool value()
    {
        if (!m_frames.empty() && m_frames.back().array)
            ++m_frames.back().count;
        return true;
    }

    std::vector<Frame> m_frames;
    std::size_t m_position = 0;
    std::string m_token, m_message;
    int m_id = 0;
};

} // namespace

std::string JsonTextProblem::describe(const std::string &origin) const
{
    // The parser quotes what it last read: raw bytes of a file that is not UTF-8 (or holds
    // control characters) would garble the terminal, so they are written as \xNN.
    return printable(origin + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                     (field.empty() ? std::string() : "field " + field + ": ") + what);
}

std::optional<json> parseJsonText(const std::string &text, JsonTextProblem *problem)
{
    json j = json::parse(text, nullptr, false);
    if (!j.is_discarded())
        return j;
    if (!problem)
        return std::nullopt;
    Locator where;
    json::sax_parse(text, &where, nlohmann::detail::input_format_t::json, true, false);
    // nlohmann counts the offset one past the character where it gave up; a number too large
    // is pointed at from its first digit instead of its last.
    const std::size_t end = std::min(where.position() > 0 ? where.position() - 1 : 0, text.size());
    const std::size_t length = where.id() == 406 ? std::max<std::size_t>(where.token().size(), 1)
                                                 : 1;
    const std::size_t start = end >= length - 1 ? end - (length - 1) : 0;
    JsonTextProblem p;
    for (std::size_t i = 0; i < start; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    p.field = where.path();
    if (where.id() == 406) {
        p.what = "the number " + where.token() + " is out of range (larger than a double holds)";
    } else {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error while
        // parsing object - unexpected '}'": keep what follows the position.
        std::string what = where.message();
        const auto colon = what.find(": ", what.find("parse error"));
        p.what = "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
    }
    *problem = std::move(p);
    return std::nullopt;
}

} // namespace sparsenas
