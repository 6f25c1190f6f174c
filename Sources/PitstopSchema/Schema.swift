enum PitstopSchemaPlaceholder {}
