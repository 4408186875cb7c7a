package safefile

import "bytes"

// Text returns b as text with Unix line endings: a leading UTF-8 byte-order
// mark (EF BB BF, which Notepad and other Windows editors write) is removed,
// and every "\r\n" and every lone "\r" becomes "\n". Without it, a "\r"
// would stay at the end of each line of a file saved on Windows and the mark
// would be glued to the first word of the first line.
//
// Text never changes b. When there is no "\r" the result is b or b without
// its first three bytes, sharing b's memory; otherwise it is a new slice.
func Text(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	i := bytes.IndexByte(b, '\r')
	if i < 0 {
		return b
	}
	out := make([]byte, i, len(b))
	copy(out, b[:i])
	for ; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
		out = append(out, c)
	}
	return out
}
