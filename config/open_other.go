//go:build !unix

package config

// Elsewhere ReadPersonFile's Stat checks refuse what is not a regular file.
const nonBlock = 0
