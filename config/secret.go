package config

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Secret holds an access key secret or a security token. Every way Go prints or encodes a value
// (%v, %s, %q, %#v, %x, json.Marshal) shows only the mask, so a secret never lands in a log, a
// review screen or the history by accident; Reveal is the one deliberate way out, for signing.
type Secret struct{ v string }

// NewSecret wraps a secret value.
func NewSecret(v string) Secret { return Secret{v: v} }

// Reveal returns the secret itself; call it only to hand the value to an SDK.
func (s Secret) Reveal() string { return s.v }

// IsZero reports whether the secret is empty.
func (s Secret) IsZero() bool { return s.v == "" }

// String returns the masked secret (first 4 characters, then asterisks).
func (s Secret) String() string {
	if s.v == "" {
		return ""
	}
	return Mask(s.v)
}

// GoString keeps %#v masked too.
func (s Secret) GoString() string { return fmt.Sprintf("config.Secret(%q)", s.String()) }

// Format makes every verb, including %x and %q, print the mask.
func (s Secret) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q':
		fmt.Fprintf(f, "%q", s.String())
	case 'v':
		if f.Flag('#') {
			fmt.Fprint(f, s.GoString())
			return
		}
		fmt.Fprint(f, s.String())
	default:
		fmt.Fprint(f, s.String())
	}
}

// MarshalJSON encodes the mask, never the value.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// MarshalText keeps encoders that prefer text (and map keys) masked as well.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Mask hides all but the first 4 characters of a key.
func Mask(key string) string {
	r := []rune(key)
	if len(r) <= 4 {
		return string(r) + "****"
	}
	return string(r[:4]) + strings.Repeat("*", len(r)-4)
}
