#include "support/backend_under_test.hpp"

#include "support/certificate_builder.hpp"

namespace dpslint::test {

Bytes fixture_der(std::string_view relative) {
    return to_der(read_pem(relative).get());
}

}  // namespace dpslint::test
