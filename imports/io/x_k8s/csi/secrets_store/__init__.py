from __future__ import annotations

from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

from jsii._type_checking import cached_type_hints, check_type


from ._jsii import *

class _LazyImport:
    def __init__(self, module_name: str) -> None:
        self._module_name = module_name
        self._module: typing.Any = None
    def __getattr__(self, name: str) -> typing.Any:
        if self._module is None:
            import importlib
            self._module = importlib.import_module(self._module_name)
        return getattr(self._module, name)

if typing.TYPE_CHECKING:

    import cdk8s as _cdk8s_d3d9af27
    import constructs as _constructs_77d1e7e8
else:

    _cdk8s_d3d9af27 = _LazyImport("cdk8s")
    _constructs_77d1e7e8 = _LazyImport("constructs")


class SecretProviderClass(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iox-k8scsisecrets-store.SecretProviderClass",
):
    '''SecretProviderClass is the Schema for the secretproviderclasses API.

    :schema: SecretProviderClass
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SecretProviderClassSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "SecretProviderClass" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: SecretProviderClassSpec defines the desired state of SecretProviderClass.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__391d18df0803930e665f8d599c08b3e944b258bb433f09dddec415dedafb3bed)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = SecretProviderClassProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SecretProviderClassSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "SecretProviderClass".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: SecretProviderClassSpec defines the desired state of SecretProviderClass.
        '''
        props = SecretProviderClassProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "SecretProviderClass".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class SecretProviderClassProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SecretProviderClassSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''SecretProviderClass is the Schema for the secretproviderclasses API.

        :param metadata: 
        :param spec: SecretProviderClassSpec defines the desired state of SecretProviderClass.

        :schema: SecretProviderClass
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = SecretProviderClassSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a15a20ec244c40a9dbe55fc6b0e90b0746015a12c82bfdbe91f8b03d99319101)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if metadata is not None:
            self._values["metadata"] = metadata
        if spec is not None:
            self._values["spec"] = spec

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: SecretProviderClass#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["SecretProviderClassSpec"]:
        '''SecretProviderClassSpec defines the desired state of SecretProviderClass.

        :schema: SecretProviderClass#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["SecretProviderClassSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SecretProviderClassProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassSpec",
    jsii_struct_bases=[],
    name_mapping={
        "parameters": "parameters",
        "provider": "provider",
        "secret_objects": "secretObjects",
    },
)
class SecretProviderClassSpec:
    def __init__(
        self,
        *,
        parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        provider: typing.Optional[builtins.str] = None,
        secret_objects: typing.Optional[typing.Sequence[typing.Union["SecretProviderClassSpecSecretObjects", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''SecretProviderClassSpec defines the desired state of SecretProviderClass.

        :param parameters: Configuration for specific provider.
        :param provider: Configuration for provider name.
        :param secret_objects: 

        :schema: SecretProviderClassSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__196db884b72c9a25e0fa51edf3b4ebe6d3e8a896a3d50eece25999de1f2694dc)
            check_type(argname="argument parameters", value=parameters, expected_type=type_hints["parameters"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
            check_type(argname="argument secret_objects", value=secret_objects, expected_type=type_hints["secret_objects"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if parameters is not None:
            self._values["parameters"] = parameters
        if provider is not None:
            self._values["provider"] = provider
        if secret_objects is not None:
            self._values["secret_objects"] = secret_objects

    @builtins.property
    def parameters(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Configuration for specific provider.

        :schema: SecretProviderClassSpec#parameters
        '''
        result = self._values.get("parameters")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def provider(self) -> typing.Optional[builtins.str]:
        '''Configuration for provider name.

        :schema: SecretProviderClassSpec#provider
        '''
        result = self._values.get("provider")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def secret_objects(
        self,
    ) -> typing.Optional[typing.List["SecretProviderClassSpecSecretObjects"]]:
        '''
        :schema: SecretProviderClassSpec#secretObjects
        '''
        result = self._values.get("secret_objects")
        return typing.cast(typing.Optional[typing.List["SecretProviderClassSpecSecretObjects"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SecretProviderClassSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassSpecSecretObjects",
    jsii_struct_bases=[],
    name_mapping={
        "annotations": "annotations",
        "data": "data",
        "labels": "labels",
        "secret_name": "secretName",
        "type": "type",
    },
)
class SecretProviderClassSpecSecretObjects:
    def __init__(
        self,
        *,
        annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        data: typing.Optional[typing.Sequence[typing.Union["SecretProviderClassSpecSecretObjectsData", typing.Dict[builtins.str, typing.Any]]]] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        secret_name: typing.Optional[builtins.str] = None,
        type: typing.Optional[builtins.str] = None,
    ) -> None:
        '''SecretObject defines the desired state of synced K8s secret objects.

        :param annotations: annotations of k8s secret object.
        :param data: 
        :param labels: labels of K8s secret object.
        :param secret_name: name of the K8s secret object.
        :param type: type of K8s secret object.

        :schema: SecretProviderClassSpecSecretObjects
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ced9a72f2ac3d58255f30740c56fda961e4c43968f318c97e7199766126e5fa8)
            check_type(argname="argument annotations", value=annotations, expected_type=type_hints["annotations"])
            check_type(argname="argument data", value=data, expected_type=type_hints["data"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
            check_type(argname="argument secret_name", value=secret_name, expected_type=type_hints["secret_name"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotations is not None:
            self._values["annotations"] = annotations
        if data is not None:
            self._values["data"] = data
        if labels is not None:
            self._values["labels"] = labels
        if secret_name is not None:
            self._values["secret_name"] = secret_name
        if type is not None:
            self._values["type"] = type

    @builtins.property
    def annotations(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''annotations of k8s secret object.

        :schema: SecretProviderClassSpecSecretObjects#annotations
        '''
        result = self._values.get("annotations")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def data(
        self,
    ) -> typing.Optional[typing.List["SecretProviderClassSpecSecretObjectsData"]]:
        '''
        :schema: SecretProviderClassSpecSecretObjects#data
        '''
        result = self._values.get("data")
        return typing.cast(typing.Optional[typing.List["SecretProviderClassSpecSecretObjectsData"]], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''labels of K8s secret object.

        :schema: SecretProviderClassSpecSecretObjects#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def secret_name(self) -> typing.Optional[builtins.str]:
        '''name of the K8s secret object.

        :schema: SecretProviderClassSpecSecretObjects#secretName
        '''
        result = self._values.get("secret_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def type(self) -> typing.Optional[builtins.str]:
        '''type of K8s secret object.

        :schema: SecretProviderClassSpecSecretObjects#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SecretProviderClassSpecSecretObjects(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassSpecSecretObjectsData",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "object_name": "objectName"},
)
class SecretProviderClassSpecSecretObjectsData:
    def __init__(
        self,
        *,
        key: typing.Optional[builtins.str] = None,
        object_name: typing.Optional[builtins.str] = None,
    ) -> None:
        '''SecretObjectData defines the desired state of synced K8s secret object data.

        :param key: data field to populate.
        :param object_name: name of the object to sync.

        :schema: SecretProviderClassSpecSecretObjectsData
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__594d89dea48e7caf293372e09b0661c94d64dea694e441b7082f1584ea580d70)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument object_name", value=object_name, expected_type=type_hints["object_name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if key is not None:
            self._values["key"] = key
        if object_name is not None:
            self._values["object_name"] = object_name

    @builtins.property
    def key(self) -> typing.Optional[builtins.str]:
        '''data field to populate.

        :schema: SecretProviderClassSpecSecretObjectsData#key
        '''
        result = self._values.get("key")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def object_name(self) -> typing.Optional[builtins.str]:
        '''name of the object to sync.

        :schema: SecretProviderClassSpecSecretObjectsData#objectName
        '''
        result = self._values.get("object_name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SecretProviderClassSpecSecretObjectsData(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class SecretProviderClassV1Alpha1(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassV1Alpha1",
):
    '''SecretProviderClass is the Schema for the secretproviderclasses API.

    :schema: SecretProviderClassV1Alpha1
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SecretProviderClassV1Alpha1Spec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "SecretProviderClassV1Alpha1" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: SecretProviderClassSpec defines the desired state of SecretProviderClass.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c1380f282fee33a4a3cb49e2d7515996e1dd7d5d35a3a8d6d7079050dc3d2d95)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = SecretProviderClassV1Alpha1Props(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SecretProviderClassV1Alpha1Spec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "SecretProviderClassV1Alpha1".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: SecretProviderClassSpec defines the desired state of SecretProviderClass.
        '''
        props = SecretProviderClassV1Alpha1Props(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "SecretProviderClassV1Alpha1".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassV1Alpha1Props",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class SecretProviderClassV1Alpha1Props:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SecretProviderClassV1Alpha1Spec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''SecretProviderClass is the Schema for the secretproviderclasses API.

        :param metadata: 
        :param spec: SecretProviderClassSpec defines the desired state of SecretProviderClass.

        :schema: SecretProviderClassV1Alpha1
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = SecretProviderClassV1Alpha1Spec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7c89150b16adae3c121ff7a4d7e8779612b1606f8511e4786dd5c83a736721cb)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if metadata is not None:
            self._values["metadata"] = metadata
        if spec is not None:
            self._values["spec"] = spec

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: SecretProviderClassV1Alpha1#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["SecretProviderClassV1Alpha1Spec"]:
        '''SecretProviderClassSpec defines the desired state of SecretProviderClass.

        :schema: SecretProviderClassV1Alpha1#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["SecretProviderClassV1Alpha1Spec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SecretProviderClassV1Alpha1Props(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassV1Alpha1Spec",
    jsii_struct_bases=[],
    name_mapping={
        "parameters": "parameters",
        "provider": "provider",
        "secret_objects": "secretObjects",
    },
)
class SecretProviderClassV1Alpha1Spec:
    def __init__(
        self,
        *,
        parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        provider: typing.Optional[builtins.str] = None,
        secret_objects: typing.Optional[typing.Sequence[typing.Union["SecretProviderClassV1Alpha1SpecSecretObjects", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''SecretProviderClassSpec defines the desired state of SecretProviderClass.

        :param parameters: Configuration for specific provider.
        :param provider: Configuration for provider name.
        :param secret_objects: 

        :schema: SecretProviderClassV1Alpha1Spec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b65ff956cf47443fc69c34a4760974d0b5bdd158a14a53f287d50bd14f38e49c)
            check_type(argname="argument parameters", value=parameters, expected_type=type_hints["parameters"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
            check_type(argname="argument secret_objects", value=secret_objects, expected_type=type_hints["secret_objects"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if parameters is not None:
            self._values["parameters"] = parameters
        if provider is not None:
            self._values["provider"] = provider
        if secret_objects is not None:
            self._values["secret_objects"] = secret_objects

    @builtins.property
    def parameters(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Configuration for specific provider.

        :schema: SecretProviderClassV1Alpha1Spec#parameters
        '''
        result = self._values.get("parameters")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def provider(self) -> typing.Optional[builtins.str]:
        '''Configuration for provider name.

        :schema: SecretProviderClassV1Alpha1Spec#provider
        '''
        result = self._values.get("provider")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def secret_objects(
        self,
    ) -> typing.Optional[typing.List["SecretProviderClassV1Alpha1SpecSecretObjects"]]:
        '''
        :schema: SecretProviderClassV1Alpha1Spec#secretObjects
        '''
        result = self._values.get("secret_objects")
        return typing.cast(typing.Optional[typing.List["SecretProviderClassV1Alpha1SpecSecretObjects"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SecretProviderClassV1Alpha1Spec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassV1Alpha1SpecSecretObjects",
    jsii_struct_bases=[],
    name_mapping={
        "annotations": "annotations",
        "data": "data",
        "labels": "labels",
        "secret_name": "secretName",
        "type": "type",
    },
)
class SecretProviderClassV1Alpha1SpecSecretObjects:
    def __init__(
        self,
        *,
        annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        data: typing.Optional[typing.Sequence[typing.Union["SecretProviderClassV1Alpha1SpecSecretObjectsData", typing.Dict[builtins.str, typing.Any]]]] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        secret_name: typing.Optional[builtins.str] = None,
        type: typing.Optional[builtins.str] = None,
    ) -> None:
        '''SecretObject defines the desired state of synced K8s secret objects.

        :param annotations: annotations of k8s secret object.
        :param data: 
        :param labels: labels of K8s secret object.
        :param secret_name: name of the K8s secret object.
        :param type: type of K8s secret object.

        :schema: SecretProviderClassV1Alpha1SpecSecretObjects
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a013c65240f319124bf8d4164e4d7d3a024c5179109a612e9a041bc471255d84)
            check_type(argname="argument annotations", value=annotations, expected_type=type_hints["annotations"])
            check_type(argname="argument data", value=data, expected_type=type_hints["data"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
            check_type(argname="argument secret_name", value=secret_name, expected_type=type_hints["secret_name"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotations is not None:
            self._values["annotations"] = annotations
        if data is not None:
            self._values["data"] = data
        if labels is not None:
            self._values["labels"] = labels
        if secret_name is not None:
            self._values["secret_name"] = secret_name
        if type is not None:
            self._values["type"] = type

    @builtins.property
    def annotations(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''annotations of k8s secret object.

        :schema: SecretProviderClassV1Alpha1SpecSecretObjects#annotations
        '''
        result = self._values.get("annotations")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def data(
        self,
    ) -> typing.Optional[typing.List["SecretProviderClassV1Alpha1SpecSecretObjectsData"]]:
        '''
        :schema: SecretProviderClassV1Alpha1SpecSecretObjects#data
        '''
        result = self._values.get("data")
        return typing.cast(typing.Optional[typing.List["SecretProviderClassV1Alpha1SpecSecretObjectsData"]], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''labels of K8s secret object.

        :schema: SecretProviderClassV1Alpha1SpecSecretObjects#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def secret_name(self) -> typing.Optional[builtins.str]:
        '''name of the K8s secret object.

        :schema: SecretProviderClassV1Alpha1SpecSecretObjects#secretName
        '''
        result = self._values.get("secret_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def type(self) -> typing.Optional[builtins.str]:
        '''type of K8s secret object.

        :schema: SecretProviderClassV1Alpha1SpecSecretObjects#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SecretProviderClassV1Alpha1SpecSecretObjects(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iox-k8scsisecrets-store.SecretProviderClassV1Alpha1SpecSecretObjectsData",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "object_name": "objectName"},
)
class SecretProviderClassV1Alpha1SpecSecretObjectsData:
    def __init__(
        self,
        *,
        key: typing.Optional[builtins.str] = None,
        object_name: typing.Optional[builtins.str] = None,
    ) -> None:
        '''SecretObjectData defines the desired state of synced K8s secret object data.

        :param key: data field to populate.
        :param object_name: name of the object to sync.

        :schema: SecretProviderClassV1Alpha1SpecSecretObjectsData
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__689f69ea8f22027ca4fb343b62088ad322f4968d2bc15d785038ce85ce8254ba)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument object_name", value=object_name, expected_type=type_hints["object_name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if key is not None:
            self._values["key"] = key
        if object_name is not None:
            self._values["object_name"] = object_name

    @builtins.property
    def key(self) -> typing.Optional[builtins.str]:
        '''data field to populate.

        :schema: SecretProviderClassV1Alpha1SpecSecretObjectsData#key
        '''
        result = self._values.get("key")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def object_name(self) -> typing.Optional[builtins.str]:
        '''name of the object to sync.

        :schema: SecretProviderClassV1Alpha1SpecSecretObjectsData#objectName
        '''
        result = self._values.get("object_name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SecretProviderClassV1Alpha1SpecSecretObjectsData(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "SecretProviderClass",
    "SecretProviderClassProps",
    "SecretProviderClassSpec",
    "SecretProviderClassSpecSecretObjects",
    "SecretProviderClassSpecSecretObjectsData",
    "SecretProviderClassV1Alpha1",
    "SecretProviderClassV1Alpha1Props",
    "SecretProviderClassV1Alpha1Spec",
    "SecretProviderClassV1Alpha1SpecSecretObjects",
    "SecretProviderClassV1Alpha1SpecSecretObjectsData",
]

publication.publish()

def _typecheckingstub__391d18df0803930e665f8d599c08b3e944b258bb433f09dddec415dedafb3bed(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SecretProviderClassSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a15a20ec244c40a9dbe55fc6b0e90b0746015a12c82bfdbe91f8b03d99319101(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SecretProviderClassSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__196db884b72c9a25e0fa51edf3b4ebe6d3e8a896a3d50eece25999de1f2694dc(
    *,
    parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    provider: typing.Optional[builtins.str] = None,
    secret_objects: typing.Optional[typing.Sequence[typing.Union[SecretProviderClassSpecSecretObjects, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ced9a72f2ac3d58255f30740c56fda961e4c43968f318c97e7199766126e5fa8(
    *,
    annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    data: typing.Optional[typing.Sequence[typing.Union[SecretProviderClassSpecSecretObjectsData, typing.Dict[builtins.str, typing.Any]]]] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    secret_name: typing.Optional[builtins.str] = None,
    type: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__594d89dea48e7caf293372e09b0661c94d64dea694e441b7082f1584ea580d70(
    *,
    key: typing.Optional[builtins.str] = None,
    object_name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c1380f282fee33a4a3cb49e2d7515996e1dd7d5d35a3a8d6d7079050dc3d2d95(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SecretProviderClassV1Alpha1Spec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7c89150b16adae3c121ff7a4d7e8779612b1606f8511e4786dd5c83a736721cb(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SecretProviderClassV1Alpha1Spec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b65ff956cf47443fc69c34a4760974d0b5bdd158a14a53f287d50bd14f38e49c(
    *,
    parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    provider: typing.Optional[builtins.str] = None,
    secret_objects: typing.Optional[typing.Sequence[typing.Union[SecretProviderClassV1Alpha1SpecSecretObjects, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a013c65240f319124bf8d4164e4d7d3a024c5179109a612e9a041bc471255d84(
    *,
    annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    data: typing.Optional[typing.Sequence[typing.Union[SecretProviderClassV1Alpha1SpecSecretObjectsData, typing.Dict[builtins.str, typing.Any]]]] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    secret_name: typing.Optional[builtins.str] = None,
    type: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__689f69ea8f22027ca4fb343b62088ad322f4968d2bc15d785038ce85ce8254ba(
    *,
    key: typing.Optional[builtins.str] = None,
    object_name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
