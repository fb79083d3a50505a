// Locations and diagnostics are shared by every stage; whoever reads YAML reports positions with them.
@_exported import BinderyCore
