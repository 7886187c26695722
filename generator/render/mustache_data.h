// The view-model type the templates read (kainjow's mustache data), and the few workarounds its
// interface needs: moving data in where kainjow only copies, and lists that say whether they are
// empty. Everything that reaches into kainjow's internals is here.
#pragma once

#include <algorithm>
#include <string>
#include <utility>

#include <kainjow/mustache.hpp>

namespace lotse {

using Data = kainjow::mustache::data;

inline Data list() { return Data(Data::type::list); }

// Mustache sections treat "" as true; an absent value must be false to hide its markup.
inline Data text_or_false(const std::string& s) { return s.empty() ? Data(false) : Data(s); }

// kainjow sets and appends data by copying it, which for a page's lists of cards copies every
// card's HTML again at every level. These move instead. The data behind the const references that
// kainjow hands out is its own, created non-const, so changing it through const_cast is defined.
inline void put(Data& object, const std::string& key, Data&& value) {
    object.set(key, Data(false));
    const_cast<Data&>(*object.get(key)) = std::move(value);
}
inline void append(Data& list, Data&& item) {
    auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
    if (items.size() == items.capacity()) {
        // kainjow's move constructor is not noexcept, so a vector that grows copies every item it
        // holds (each card's HTML, at every doubling). Grown here, they are moved.
        kainjow::mustache::list bigger;
        bigger.reserve(std::max<std::size_t>(8, 2 * items.size()));
        for (Data& d : items) bigger.push_back(std::move(d));
        items.swap(bigger);
    }
    items.push_back(std::move(item));
}
inline Data moved(std::string&& s) {
    Data d(Data::type::string);
    const_cast<std::string&>(d.string_value()) = std::move(s);
    return d;
}
// A child object of `object` to fill in place: `object[key]`, made an empty object if it is not one.
inline Data* child_object(Data& object, const std::string& key) {
    const Data* child = object.get(key);
    if (!child) {
        put(object, key, Data());
        child = object.get(key);
    }
    return child->is_object() ? const_cast<Data*>(child) : nullptr;
}

// Mustache cannot ask whether a list is empty, so every list comes with a has_<name> flag for the
// markup around it (<ul> only when there are items).
inline void set_list(Data& d, const std::string& key, Data items) {
    if (items.is_non_empty_list()) d.set("has_" + key, true);
    put(d, key, std::move(items));
}

// Renders a compiled template with `shared` under `page`, appending to a string (kainjow writes
// to any stream with <<; this skips an ostringstream's buffer and its final copy). `expected`:
// about how many bytes the output will have, so it is not grown (and copied) step by step.
inline std::string render_to_string(kainjow::mustache::mustache& tmpl, const Data& shared, const Data& page,
                                    std::size_t expected = 0) {
    kainjow::mustache::context<std::string> ctx(&shared);
    ctx.push(&page);
    struct Appender {
        std::string& out;
        Appender& operator<<(const std::string& s) {
            out += s;
            return *this;
        }
    };
    std::string out;
    out.reserve(expected);
    Appender appender{out};
    tmpl.render(ctx, appender);
    return out;
}

}  // namespace lotse
