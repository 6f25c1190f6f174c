// COIN-OR CBC's C interface (Debian: coinor-libcbc-dev).
#include <coin/Cbc_C_Interface.h>
