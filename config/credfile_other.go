//go:build !unix

package config

// nonBlockingOpen: elsewhere the Stat check in readCredentialFile refuses what is not a
// regular file.
const nonBlockingOpen = 0
