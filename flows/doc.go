// Package flows is what an order is: one file per ordering API declaring, as data, every
// documented request field (JSON name, type, required or not, documented values with labels,
// defaults), which wizard step it belongs to, its help in English and Chinese, and every
// documented rule. On top of those declarations it provides the pure machinery the rest of
// cloudorder relies on: answers (text as typed, keyed by order-file path), derived defaults that
// follow their parents, validation with problems named by JSON path, the builder from answers
// to the exact request body, and the strict order-file reader that goes back.
//
// flows imports nothing of cloudorder but the leaf packages i18n (its bilingual texts) and
// inert (text safe to show), and does no I/O; the UI renders any Field generically. Each API
// is a value (PAI, DSC, WorkspaceApp); flows keeps no list of them. Package catalog holds the
// one ordered list, each flow paired with its provider spec and CLI mapping, and hands it to
// whoever offers or reads APIs as a Registry (Find, Clouds, Load).
package flows
