// Result<T, E>: a value or an error (by default one Error). Expected failures travel as values, never as exceptions.
#pragma once

#include <utility>
#include <variant>
#include <vector>

#include "core/util/error.hpp"

namespace kiosk::core {

// Loaders that can find several mistakes at once report them all, so an author fixes a file in one go.
using Diagnostics = std::vector<Error>;

// Orders problems by file, then line (stable for equal lines), the order an author reads them in.
void sortByLocation(Diagnostics& problems);

template <typename T, typename E = Error>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(E error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_data); }
    const T& value() const& { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    const E& error() const { return std::get<E>(m_data); }

private:
    std::variant<T, E> m_data;
};

}  // namespace kiosk::core
