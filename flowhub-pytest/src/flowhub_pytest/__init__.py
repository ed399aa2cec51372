"""A pytest plugin for FlowHub Jobs: the ``flowhub_run`` fixture (see ``flowhub_pytest.plugin``)."""

from flowhub_pytest.plugin import FlowHubError, FlowHubRun

__all__ = ["FlowHubError", "FlowHubRun"]
