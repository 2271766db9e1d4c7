// Id and language tag syntax.
#include <string>

#include <doctest/doctest.h>

#include "core/util/identifiers.hpp"

using kiosk::core::isValidId;
using kiosk::core::isValidLanguageTag;

TEST_CASE("ids are lowercase words joined by dashes") {
    CHECK(isValidId("address-change"));
    CHECK(isValidId("step2"));
    CHECK_FALSE(isValidId(""));
    CHECK_FALSE(isValidId("Address"));
    CHECK_FALSE(isValidId("2fast"));
    CHECK_FALSE(isValidId("trailing-"));
    CHECK_FALSE(isValidId("with space"));
    CHECK_FALSE(isValidId("../etc"));
    CHECK_FALSE(isValidId(std::string(65, 'a')));
}

TEST_CASE("language tags") {
    CHECK(isValidLanguageTag("de"));
    CHECK(isValidLanguageTag("uk"));
    CHECK(isValidLanguageTag("de-x-ls"));
    CHECK_FALSE(isValidLanguageTag("d"));
    CHECK_FALSE(isValidLanguageTag("DE"));
    CHECK_FALSE(isValidLanguageTag("de-"));
    CHECK_FALSE(isValidLanguageTag("german"));
}
