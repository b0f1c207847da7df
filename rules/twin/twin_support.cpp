#include "twin/twin_support.hpp"

#include <algorithm>

#include "dpslint/json_input.hpp"

namespace dpslint::rules::twin {

std::vector<EnrollmentTwin> enrollment_twins(const Snapshot& snapshot) {
    std::vector<EnrollmentTwin> out;
    for (const auto& entry : allocation::all_enrollments(snapshot)) {
        const auto& twin = entry.settings->initial_twin;
        if (!twin || !twin->is_object())
            continue;
        EnrollmentTwin et{entry, &*twin, {}};
        if (const auto tags = twin->find("tags"); tags != twin->end() && tags->is_object())
            et.sections.push_back(TwinSection{&*tags, "tags", "/initialTwin/tags"});
        if (const auto properties = twin->find("properties");
            properties != twin->end() && properties->is_object()) {
            if (const auto desired = properties->find("desired");
                desired != properties->end() && desired->is_object()) {
                et.sections.push_back(TwinSection{&*desired, "desired properties",
                                                  "/initialTwin/properties/desired"});
            }
        }
        out.push_back(std::move(et));
    }
    return out;
}

namespace {

void walk_children(const nlohmann::json& container, const std::string& pointer, int level,
                   const std::function<bool(const TwinNode&)>& visit) {
    const auto visit_child = [&](const nlohmann::json& child, std::string child_pointer,
                                 const std::string* key) {
        const bool container_child = child.is_object() || child.is_array();
        const int child_level = container_child ? level + 1 : level;
        if (visit(TwinNode{child, child_pointer, key, child_level}) && container_child)
            walk_children(child, child_pointer, child_level, visit);
    };
    if (container.is_object()) {
        for (auto it = container.begin(); it != container.end(); ++it) {
            const std::string& name = it.key();
            visit_child(it.value(), pointer + "/" + json_pointer_escape(name), &name);
        }
    } else if (container.is_array()) {
        for (std::size_t i = 0; i < container.size(); ++i)
            visit_child(container[i], pointer + "/" + std::to_string(i), nullptr);
    }
}

}  // namespace

void walk(const TwinSection& section, const std::function<bool(const TwinNode&)>& visit) {
    walk_children(*section.value, section.pointer, 0, visit);
}

std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        char32_t c = 0xFFFD;
        if (b < 0x80) {
            c = b;
        } else if ((b & 0xE0) == 0xC0) {
            length = 2;
            c = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            length = 3;
            c = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            length = 4;
            c = b & 0x07;
        }
        if (length > 1) {
            if (i + length > text.size()) {
                c = 0xFFFD;
                length = 1;
            } else {
                for (std::size_t k = 1; k < length; ++k) {
                    const auto next = static_cast<unsigned char>(text[i + k]);
                    if ((next & 0xC0) != 0x80) {
                        c = 0xFFFD;
                        length = 1;
                        break;
                    }
                    c = (c << 6) | (next & 0x3F);
                }
            }
        }
        out.push_back(c);
        i += length;
    }
    return out;
}

bool is_control(char32_t c) noexcept {
    return c <= 0x1F || (c >= 0x80 && c <= 0x9F);
}

namespace {

std::size_t value_size(const nlohmann::json& value) {
    if (value.is_object())
        return twin_size(value);
    if (value.is_array()) {
        std::size_t sum = 0;
        for (const auto& element : value)
            sum += value_size(element);
        return sum;
    }
    if (value.is_boolean())
        return 4;
    if (value.is_number())
        return 8;
    if (value.is_string()) {
        std::size_t characters = 0;
        for (const char32_t c : code_points(value.get_ref<const std::string&>())) {
            if (!is_control(c))
                ++characters;
        }
        return characters;
    }
    return 0;  // null
}

}  // namespace

std::size_t twin_size(const nlohmann::json& object) {
    std::size_t sum = 0;
    for (auto it = object.begin(); it != object.end(); ++it)
        sum += it.key().size() + value_size(it.value());
    return sum;
}

}  // namespace dpslint::rules::twin
