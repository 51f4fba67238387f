"""Click commands of the approval package, registered under the ``synth_studio.commands`` entry point."""
