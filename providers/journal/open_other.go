//go:build !unix

package journal

// Elsewhere the Lstat and Stat checks in file.go refuse what is not a regular file.
const (
	noFollow = 0
	nonBlock = 0
)
