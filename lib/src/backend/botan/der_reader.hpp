#pragma once

// The Botan backend decodes with the shared DER reader (x509/der_reader.hpp), under the names its
// decoders use.

#include "x509/der_reader.hpp"

namespace dpslint::botan {

using der::check_der_tree;
using der::DerError;
using der::DerReader;
using der::read_single;
using der::TagClass;
using der::Tlv;
namespace tag = der::tag;

}  // namespace dpslint::botan
