#pragma once

// GeneralName (RFC 5280 §4.2.1.6) → dpslint::GeneralName.

#include <vector>

#include "dpslint/certificate.hpp"

#include "backend/botan/der_reader.hpp"

namespace dpslint::botan {

// iPAddress is an address in subjectAltName and an address plus mask in nameConstraints.
// `any` accepts octets of any length (value left empty), for names that are decoded only to
// check their structure, as OpenSSL does.
enum class IpForm { address, subnet, any };

// One GeneralName element:
//   [0] otherName                  other, value = dotted type-id
//   [1] rfc822Name, [2] dNSName,   email / dns / uri, value = the IA5String octets unchanged
//   [6] uniformResourceIdentifier
//   [3] x400Address, [5] ediParty  other, value = "tag:3" / "tag:5"
//   [4] directoryName              directory, value = RFC 4514 text, directory = the name
//   [7] iPAddress                  ip, value per IpForm (see ip_text.hpp)
//   [8] registeredID               other, value = dotted OID
// Throws DerError for anything else, including iPAddress octets of a wrong length.
GeneralName decode_general_name(const Tlv& tlv, IpForm ip_form);

// GeneralNames ::= SEQUENCE OF GeneralName, in encoding order.
std::vector<GeneralName> decode_general_names(const Tlv& sequence, IpForm ip_form);

}  // namespace dpslint::botan
