// The fuzz target's entry point (make fuzz only; docs/testing.md).
#pragma once
