package mid

import "example.com/rend/web"

func Wrap(h web.Handler) any { return h }
