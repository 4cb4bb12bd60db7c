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


class BackingImage(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.BackingImage",
):
    '''BackingImage is where Longhorn stores backing image object.

    :schema: BackingImage
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "BackingImage" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: BackingImageSpec defines the desired state of the Longhorn backing image.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__4f0ad259d230e100f1e2cfc1677d8a56e2a04bb0cfdc2f352bb206687fd8bf0f)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = BackingImageProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "BackingImage".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: BackingImageSpec defines the desired state of the Longhorn backing image.
        '''
        props = BackingImageProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "BackingImage".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


class BackingImageDataSource(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.BackingImageDataSource",
):
    '''BackingImageDataSource is where Longhorn stores backing image data source object.

    :schema: BackingImageDataSource
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageDataSourceSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "BackingImageDataSource" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: BackingImageDataSourceSpec defines the desired state of the Longhorn backing image data source.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7693a62087e4aa5f28fc55105893fd6cede4f2200995bfc6d388e5ad0f6faf88)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = BackingImageDataSourceProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageDataSourceSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "BackingImageDataSource".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: BackingImageDataSourceSpec defines the desired state of the Longhorn backing image data source.
        '''
        props = BackingImageDataSourceProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "BackingImageDataSource".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.BackingImageDataSourceProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class BackingImageDataSourceProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageDataSourceSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''BackingImageDataSource is where Longhorn stores backing image data source object.

        :param metadata: 
        :param spec: BackingImageDataSourceSpec defines the desired state of the Longhorn backing image data source.

        :schema: BackingImageDataSource
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = BackingImageDataSourceSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a8a1cb377b8d0572c90225e088bbed453c43d59d761b261c6a4907f2804de74d)
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
        :schema: BackingImageDataSource#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["BackingImageDataSourceSpec"]:
        '''BackingImageDataSourceSpec defines the desired state of the Longhorn backing image data source.

        :schema: BackingImageDataSource#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["BackingImageDataSourceSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackingImageDataSourceProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackingImageDataSourceSpec",
    jsii_struct_bases=[],
    name_mapping={
        "checksum": "checksum",
        "disk_path": "diskPath",
        "disk_uuid": "diskUuid",
        "file_transferred": "fileTransferred",
        "node_id": "nodeId",
        "parameters": "parameters",
        "source_type": "sourceType",
        "uuid": "uuid",
    },
)
class BackingImageDataSourceSpec:
    def __init__(
        self,
        *,
        checksum: typing.Optional[builtins.str] = None,
        disk_path: typing.Optional[builtins.str] = None,
        disk_uuid: typing.Optional[builtins.str] = None,
        file_transferred: typing.Optional[builtins.bool] = None,
        node_id: typing.Optional[builtins.str] = None,
        parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        source_type: typing.Optional["BackingImageDataSourceSpecSourceType"] = None,
        uuid: typing.Optional[builtins.str] = None,
    ) -> None:
        '''BackingImageDataSourceSpec defines the desired state of the Longhorn backing image data source.

        :param checksum: 
        :param disk_path: 
        :param disk_uuid: 
        :param file_transferred: 
        :param node_id: 
        :param parameters: 
        :param source_type: 
        :param uuid: 

        :schema: BackingImageDataSourceSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ec8f4561e1dbc6ca619d170a5818b15420cf374fb6008161e304c575ee2bc84c)
            check_type(argname="argument checksum", value=checksum, expected_type=type_hints["checksum"])
            check_type(argname="argument disk_path", value=disk_path, expected_type=type_hints["disk_path"])
            check_type(argname="argument disk_uuid", value=disk_uuid, expected_type=type_hints["disk_uuid"])
            check_type(argname="argument file_transferred", value=file_transferred, expected_type=type_hints["file_transferred"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument parameters", value=parameters, expected_type=type_hints["parameters"])
            check_type(argname="argument source_type", value=source_type, expected_type=type_hints["source_type"])
            check_type(argname="argument uuid", value=uuid, expected_type=type_hints["uuid"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if checksum is not None:
            self._values["checksum"] = checksum
        if disk_path is not None:
            self._values["disk_path"] = disk_path
        if disk_uuid is not None:
            self._values["disk_uuid"] = disk_uuid
        if file_transferred is not None:
            self._values["file_transferred"] = file_transferred
        if node_id is not None:
            self._values["node_id"] = node_id
        if parameters is not None:
            self._values["parameters"] = parameters
        if source_type is not None:
            self._values["source_type"] = source_type
        if uuid is not None:
            self._values["uuid"] = uuid

    @builtins.property
    def checksum(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageDataSourceSpec#checksum
        '''
        result = self._values.get("checksum")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disk_path(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageDataSourceSpec#diskPath
        '''
        result = self._values.get("disk_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disk_uuid(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageDataSourceSpec#diskUUID
        '''
        result = self._values.get("disk_uuid")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def file_transferred(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: BackingImageDataSourceSpec#fileTransferred
        '''
        result = self._values.get("file_transferred")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageDataSourceSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def parameters(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: BackingImageDataSourceSpec#parameters
        '''
        result = self._values.get("parameters")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def source_type(self) -> typing.Optional["BackingImageDataSourceSpecSourceType"]:
        '''
        :schema: BackingImageDataSourceSpec#sourceType
        '''
        result = self._values.get("source_type")
        return typing.cast(typing.Optional["BackingImageDataSourceSpecSourceType"], result)

    @builtins.property
    def uuid(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageDataSourceSpec#uuid
        '''
        result = self._values.get("uuid")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackingImageDataSourceSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.BackingImageDataSourceSpecSourceType")
class BackingImageDataSourceSpecSourceType(enum.Enum):
    '''
    :schema: BackingImageDataSourceSpecSourceType
    '''

    DOWNLOAD = "DOWNLOAD"
    '''download.'''
    UPLOAD = "UPLOAD"
    '''upload.'''
    EXPORT_HYPHEN_FROM_HYPHEN_VOLUME = "EXPORT_HYPHEN_FROM_HYPHEN_VOLUME"
    '''export-from-volume.'''
    RESTORE = "RESTORE"
    '''restore.'''
    CLONE = "CLONE"
    '''clone.'''


class BackingImageManager(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.BackingImageManager",
):
    '''BackingImageManager is where Longhorn stores backing image manager object.

    :schema: BackingImageManager
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "BackingImageManager" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: BackingImageManagerSpec defines the desired state of the Longhorn backing image manager.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__14313c60577852bf85ab2dc600b4846b6fc6341acc78ed6317fc381b7f1ffd71)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = BackingImageManagerProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "BackingImageManager".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: BackingImageManagerSpec defines the desired state of the Longhorn backing image manager.
        '''
        props = BackingImageManagerProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "BackingImageManager".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.BackingImageManagerProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class BackingImageManagerProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''BackingImageManager is where Longhorn stores backing image manager object.

        :param metadata: 
        :param spec: BackingImageManagerSpec defines the desired state of the Longhorn backing image manager.

        :schema: BackingImageManager
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = BackingImageManagerSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__93f66be1273303be29ef1b07615ec1d6cde40470c97be7d0848cc32f0c360893)
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
        :schema: BackingImageManager#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["BackingImageManagerSpec"]:
        '''BackingImageManagerSpec defines the desired state of the Longhorn backing image manager.

        :schema: BackingImageManager#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["BackingImageManagerSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackingImageManagerProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackingImageManagerSpec",
    jsii_struct_bases=[],
    name_mapping={
        "backing_images": "backingImages",
        "disk_path": "diskPath",
        "disk_uuid": "diskUuid",
        "image": "image",
        "node_id": "nodeId",
    },
)
class BackingImageManagerSpec:
    def __init__(
        self,
        *,
        backing_images: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        disk_path: typing.Optional[builtins.str] = None,
        disk_uuid: typing.Optional[builtins.str] = None,
        image: typing.Optional[builtins.str] = None,
        node_id: typing.Optional[builtins.str] = None,
    ) -> None:
        '''BackingImageManagerSpec defines the desired state of the Longhorn backing image manager.

        :param backing_images: 
        :param disk_path: 
        :param disk_uuid: 
        :param image: 
        :param node_id: 

        :schema: BackingImageManagerSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7a2fecbe1a6e852dbfb4f608213c1692fba537b0453a90d0c291e40d3b680919)
            check_type(argname="argument backing_images", value=backing_images, expected_type=type_hints["backing_images"])
            check_type(argname="argument disk_path", value=disk_path, expected_type=type_hints["disk_path"])
            check_type(argname="argument disk_uuid", value=disk_uuid, expected_type=type_hints["disk_uuid"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if backing_images is not None:
            self._values["backing_images"] = backing_images
        if disk_path is not None:
            self._values["disk_path"] = disk_path
        if disk_uuid is not None:
            self._values["disk_uuid"] = disk_uuid
        if image is not None:
            self._values["image"] = image
        if node_id is not None:
            self._values["node_id"] = node_id

    @builtins.property
    def backing_images(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: BackingImageManagerSpec#backingImages
        '''
        result = self._values.get("backing_images")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def disk_path(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageManagerSpec#diskPath
        '''
        result = self._values.get("disk_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disk_uuid(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageManagerSpec#diskUUID
        '''
        result = self._values.get("disk_uuid")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageManagerSpec#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageManagerSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackingImageManagerSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackingImageProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class BackingImageProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackingImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''BackingImage is where Longhorn stores backing image object.

        :param metadata: 
        :param spec: BackingImageSpec defines the desired state of the Longhorn backing image.

        :schema: BackingImage
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = BackingImageSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__bd6c477f4a53845a30206a42ab446cd2545ec79342989ca8997ebddd10b23bae)
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
        :schema: BackingImage#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["BackingImageSpec"]:
        '''BackingImageSpec defines the desired state of the Longhorn backing image.

        :schema: BackingImage#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["BackingImageSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackingImageProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackingImageSpec",
    jsii_struct_bases=[],
    name_mapping={
        "checksum": "checksum",
        "data_engine": "dataEngine",
        "disk_file_spec_map": "diskFileSpecMap",
        "disks": "disks",
        "disk_selector": "diskSelector",
        "min_number_of_copies": "minNumberOfCopies",
        "node_selector": "nodeSelector",
        "secret": "secret",
        "secret_namespace": "secretNamespace",
        "source_parameters": "sourceParameters",
        "source_type": "sourceType",
    },
)
class BackingImageSpec:
    def __init__(
        self,
        *,
        checksum: typing.Optional[builtins.str] = None,
        data_engine: typing.Optional["BackingImageSpecDataEngine"] = None,
        disk_file_spec_map: typing.Optional[typing.Mapping[builtins.str, typing.Union["BackingImageSpecDiskFileSpecMap", typing.Dict[builtins.str, typing.Any]]]] = None,
        disks: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        disk_selector: typing.Optional[typing.Sequence[builtins.str]] = None,
        min_number_of_copies: typing.Optional[jsii.Number] = None,
        node_selector: typing.Optional[typing.Sequence[builtins.str]] = None,
        secret: typing.Optional[builtins.str] = None,
        secret_namespace: typing.Optional[builtins.str] = None,
        source_parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        source_type: typing.Optional["BackingImageSpecSourceType"] = None,
    ) -> None:
        '''BackingImageSpec defines the desired state of the Longhorn backing image.

        :param checksum: 
        :param data_engine: 
        :param disk_file_spec_map: 
        :param disks: Deprecated. We are now using DiskFileSpecMap to assign different spec to the file on different disks.
        :param disk_selector: 
        :param min_number_of_copies: 
        :param node_selector: 
        :param secret: 
        :param secret_namespace: 
        :param source_parameters: 
        :param source_type: 

        :schema: BackingImageSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__14f5eba5e3f442dc0157d4930456689ce2fa24ab631ebcbf2c5ce06ec6f741d4)
            check_type(argname="argument checksum", value=checksum, expected_type=type_hints["checksum"])
            check_type(argname="argument data_engine", value=data_engine, expected_type=type_hints["data_engine"])
            check_type(argname="argument disk_file_spec_map", value=disk_file_spec_map, expected_type=type_hints["disk_file_spec_map"])
            check_type(argname="argument disks", value=disks, expected_type=type_hints["disks"])
            check_type(argname="argument disk_selector", value=disk_selector, expected_type=type_hints["disk_selector"])
            check_type(argname="argument min_number_of_copies", value=min_number_of_copies, expected_type=type_hints["min_number_of_copies"])
            check_type(argname="argument node_selector", value=node_selector, expected_type=type_hints["node_selector"])
            check_type(argname="argument secret", value=secret, expected_type=type_hints["secret"])
            check_type(argname="argument secret_namespace", value=secret_namespace, expected_type=type_hints["secret_namespace"])
            check_type(argname="argument source_parameters", value=source_parameters, expected_type=type_hints["source_parameters"])
            check_type(argname="argument source_type", value=source_type, expected_type=type_hints["source_type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if checksum is not None:
            self._values["checksum"] = checksum
        if data_engine is not None:
            self._values["data_engine"] = data_engine
        if disk_file_spec_map is not None:
            self._values["disk_file_spec_map"] = disk_file_spec_map
        if disks is not None:
            self._values["disks"] = disks
        if disk_selector is not None:
            self._values["disk_selector"] = disk_selector
        if min_number_of_copies is not None:
            self._values["min_number_of_copies"] = min_number_of_copies
        if node_selector is not None:
            self._values["node_selector"] = node_selector
        if secret is not None:
            self._values["secret"] = secret
        if secret_namespace is not None:
            self._values["secret_namespace"] = secret_namespace
        if source_parameters is not None:
            self._values["source_parameters"] = source_parameters
        if source_type is not None:
            self._values["source_type"] = source_type

    @builtins.property
    def checksum(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageSpec#checksum
        '''
        result = self._values.get("checksum")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def data_engine(self) -> typing.Optional["BackingImageSpecDataEngine"]:
        '''
        :schema: BackingImageSpec#dataEngine
        '''
        result = self._values.get("data_engine")
        return typing.cast(typing.Optional["BackingImageSpecDataEngine"], result)

    @builtins.property
    def disk_file_spec_map(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, "BackingImageSpecDiskFileSpecMap"]]:
        '''
        :schema: BackingImageSpec#diskFileSpecMap
        '''
        result = self._values.get("disk_file_spec_map")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, "BackingImageSpecDiskFileSpecMap"]], result)

    @builtins.property
    def disks(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Deprecated.

        We are now using DiskFileSpecMap to assign different spec to the file on different disks.

        :schema: BackingImageSpec#disks
        '''
        result = self._values.get("disks")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def disk_selector(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: BackingImageSpec#diskSelector
        '''
        result = self._values.get("disk_selector")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def min_number_of_copies(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: BackingImageSpec#minNumberOfCopies
        '''
        result = self._values.get("min_number_of_copies")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def node_selector(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: BackingImageSpec#nodeSelector
        '''
        result = self._values.get("node_selector")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def secret(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageSpec#secret
        '''
        result = self._values.get("secret")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def secret_namespace(self) -> typing.Optional[builtins.str]:
        '''
        :schema: BackingImageSpec#secretNamespace
        '''
        result = self._values.get("secret_namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def source_parameters(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: BackingImageSpec#sourceParameters
        '''
        result = self._values.get("source_parameters")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def source_type(self) -> typing.Optional["BackingImageSpecSourceType"]:
        '''
        :schema: BackingImageSpec#sourceType
        '''
        result = self._values.get("source_type")
        return typing.cast(typing.Optional["BackingImageSpecSourceType"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackingImageSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.BackingImageSpecDataEngine")
class BackingImageSpecDataEngine(enum.Enum):
    '''
    :schema: BackingImageSpecDataEngine
    '''

    V1 = "V1"
    '''v1.'''
    V2 = "V2"
    '''v2.'''


@jsii.data_type(
    jsii_type="iolonghorn.BackingImageSpecDiskFileSpecMap",
    jsii_struct_bases=[],
    name_mapping={
        "data_engine": "dataEngine",
        "eviction_requested": "evictionRequested",
    },
)
class BackingImageSpecDiskFileSpecMap:
    def __init__(
        self,
        *,
        data_engine: typing.Optional["BackingImageSpecDiskFileSpecMapDataEngine"] = None,
        eviction_requested: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param data_engine: 
        :param eviction_requested: 

        :schema: BackingImageSpecDiskFileSpecMap
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__95d77bedbb0199a5875901eabf90a04f9d61c7312d35260e5c5ead18663872bf)
            check_type(argname="argument data_engine", value=data_engine, expected_type=type_hints["data_engine"])
            check_type(argname="argument eviction_requested", value=eviction_requested, expected_type=type_hints["eviction_requested"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if data_engine is not None:
            self._values["data_engine"] = data_engine
        if eviction_requested is not None:
            self._values["eviction_requested"] = eviction_requested

    @builtins.property
    def data_engine(
        self,
    ) -> typing.Optional["BackingImageSpecDiskFileSpecMapDataEngine"]:
        '''
        :schema: BackingImageSpecDiskFileSpecMap#dataEngine
        '''
        result = self._values.get("data_engine")
        return typing.cast(typing.Optional["BackingImageSpecDiskFileSpecMapDataEngine"], result)

    @builtins.property
    def eviction_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: BackingImageSpecDiskFileSpecMap#evictionRequested
        '''
        result = self._values.get("eviction_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackingImageSpecDiskFileSpecMap(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.BackingImageSpecDiskFileSpecMapDataEngine")
class BackingImageSpecDiskFileSpecMapDataEngine(enum.Enum):
    '''
    :schema: BackingImageSpecDiskFileSpecMapDataEngine
    '''

    V1 = "V1"
    '''v1.'''
    V2 = "V2"
    '''v2.'''


@jsii.enum(jsii_type="iolonghorn.BackingImageSpecSourceType")
class BackingImageSpecSourceType(enum.Enum):
    '''
    :schema: BackingImageSpecSourceType
    '''

    DOWNLOAD = "DOWNLOAD"
    '''download.'''
    UPLOAD = "UPLOAD"
    '''upload.'''
    EXPORT_HYPHEN_FROM_HYPHEN_VOLUME = "EXPORT_HYPHEN_FROM_HYPHEN_VOLUME"
    '''export-from-volume.'''
    RESTORE = "RESTORE"
    '''restore.'''
    CLONE = "CLONE"
    '''clone.'''


class Backup(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Backup",
):
    '''Backup is where Longhorn stores backup object.

    :schema: Backup
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Backup" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: BackupSpec defines the desired state of the Longhorn backup.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__92f9cffa97550981124bb7e5a88f7fd3141e3bc7b06fd0ccb1677722497e24dc)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = BackupProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Backup".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: BackupSpec defines the desired state of the Longhorn backup.
        '''
        props = BackupProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Backup".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


class BackupBackingImage(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.BackupBackingImage",
):
    '''BackupBackingImage is where Longhorn stores backing image backup object.

    :schema: BackupBackingImage
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupBackingImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "BackupBackingImage" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: BackupBackingImageSpec defines the desired state of the Longhorn backing image backup.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8c54d95a3e7a2f78f112105c4c70a2a0f4aa82dd59a3a9a2cded7b672fb0b3e8)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = BackupBackingImageProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupBackingImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "BackupBackingImage".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: BackupBackingImageSpec defines the desired state of the Longhorn backing image backup.
        '''
        props = BackupBackingImageProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "BackupBackingImage".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.BackupBackingImageProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class BackupBackingImageProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupBackingImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''BackupBackingImage is where Longhorn stores backing image backup object.

        :param metadata: 
        :param spec: BackupBackingImageSpec defines the desired state of the Longhorn backing image backup.

        :schema: BackupBackingImage
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = BackupBackingImageSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5068c25e51c918878fc2c783342a6fee048abdf072f21b425b1dc24dd1757a7e)
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
        :schema: BackupBackingImage#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["BackupBackingImageSpec"]:
        '''BackupBackingImageSpec defines the desired state of the Longhorn backing image backup.

        :schema: BackupBackingImage#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["BackupBackingImageSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackupBackingImageProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackupBackingImageSpec",
    jsii_struct_bases=[],
    name_mapping={
        "backing_image": "backingImage",
        "user_created": "userCreated",
        "backup_target_name": "backupTargetName",
        "labels": "labels",
        "sync_requested_at": "syncRequestedAt",
    },
)
class BackupBackingImageSpec:
    def __init__(
        self,
        *,
        backing_image: builtins.str,
        user_created: builtins.bool,
        backup_target_name: typing.Optional[builtins.str] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        sync_requested_at: typing.Optional[datetime.datetime] = None,
    ) -> None:
        '''BackupBackingImageSpec defines the desired state of the Longhorn backing image backup.

        :param backing_image: The backing image name.
        :param user_created: Is this CR created by user through API or UI.
        :param backup_target_name: The backup target name.
        :param labels: The labels of backing image backup.
        :param sync_requested_at: The time to request run sync the remote backing image backup.

        :schema: BackupBackingImageSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a1c6993a3b2d9cde1370a9ab9f27ced8f34707d6f6651d59a0df22475570f590)
            check_type(argname="argument backing_image", value=backing_image, expected_type=type_hints["backing_image"])
            check_type(argname="argument user_created", value=user_created, expected_type=type_hints["user_created"])
            check_type(argname="argument backup_target_name", value=backup_target_name, expected_type=type_hints["backup_target_name"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
            check_type(argname="argument sync_requested_at", value=sync_requested_at, expected_type=type_hints["sync_requested_at"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "backing_image": backing_image,
            "user_created": user_created,
        }
        if backup_target_name is not None:
            self._values["backup_target_name"] = backup_target_name
        if labels is not None:
            self._values["labels"] = labels
        if sync_requested_at is not None:
            self._values["sync_requested_at"] = sync_requested_at

    @builtins.property
    def backing_image(self) -> builtins.str:
        '''The backing image name.

        :schema: BackupBackingImageSpec#backingImage
        '''
        result = self._values.get("backing_image")
        assert result is not None, "Required property 'backing_image' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def user_created(self) -> builtins.bool:
        '''Is this CR created by user through API or UI.

        :schema: BackupBackingImageSpec#userCreated
        '''
        result = self._values.get("user_created")
        assert result is not None, "Required property 'user_created' is missing"
        return typing.cast(builtins.bool, result)

    @builtins.property
    def backup_target_name(self) -> typing.Optional[builtins.str]:
        '''The backup target name.

        :schema: BackupBackingImageSpec#backupTargetName
        '''
        result = self._values.get("backup_target_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''The labels of backing image backup.

        :schema: BackupBackingImageSpec#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def sync_requested_at(self) -> typing.Optional[datetime.datetime]:
        '''The time to request run sync the remote backing image backup.

        :schema: BackupBackingImageSpec#syncRequestedAt
        '''
        result = self._values.get("sync_requested_at")
        return typing.cast(typing.Optional[datetime.datetime], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackupBackingImageSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackupProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class BackupProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Backup is where Longhorn stores backup object.

        :param metadata: 
        :param spec: BackupSpec defines the desired state of the Longhorn backup.

        :schema: Backup
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = BackupSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5f3bdfe4fb9c5acaab078922473fe67f0b8f0397edbd912a039aec81fc4b4fb7)
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
        :schema: Backup#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["BackupSpec"]:
        '''BackupSpec defines the desired state of the Longhorn backup.

        :schema: Backup#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["BackupSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackupProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackupSpec",
    jsii_struct_bases=[],
    name_mapping={
        "backup_block_size": "backupBlockSize",
        "backup_mode": "backupMode",
        "labels": "labels",
        "snapshot_name": "snapshotName",
        "sync_requested_at": "syncRequestedAt",
    },
)
class BackupSpec:
    def __init__(
        self,
        *,
        backup_block_size: typing.Optional["BackupSpecBackupBlockSize"] = None,
        backup_mode: typing.Optional["BackupSpecBackupMode"] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        snapshot_name: typing.Optional[builtins.str] = None,
        sync_requested_at: typing.Optional[datetime.datetime] = None,
    ) -> None:
        '''BackupSpec defines the desired state of the Longhorn backup.

        :param backup_block_size: The backup block size. 0 means the legacy default size 2MiB, and -1 indicate the block size is invalid.
        :param backup_mode: The backup mode of this backup. Can be "full" or "incremental"
        :param labels: The labels of snapshot backup.
        :param snapshot_name: The snapshot name.
        :param sync_requested_at: The time to request run sync the remote backup.

        :schema: BackupSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2136961469ecf530be5a7fe8db4b68f7854a2f33dc5c0c72da39845d608c3d57)
            check_type(argname="argument backup_block_size", value=backup_block_size, expected_type=type_hints["backup_block_size"])
            check_type(argname="argument backup_mode", value=backup_mode, expected_type=type_hints["backup_mode"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
            check_type(argname="argument snapshot_name", value=snapshot_name, expected_type=type_hints["snapshot_name"])
            check_type(argname="argument sync_requested_at", value=sync_requested_at, expected_type=type_hints["sync_requested_at"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if backup_block_size is not None:
            self._values["backup_block_size"] = backup_block_size
        if backup_mode is not None:
            self._values["backup_mode"] = backup_mode
        if labels is not None:
            self._values["labels"] = labels
        if snapshot_name is not None:
            self._values["snapshot_name"] = snapshot_name
        if sync_requested_at is not None:
            self._values["sync_requested_at"] = sync_requested_at

    @builtins.property
    def backup_block_size(self) -> typing.Optional["BackupSpecBackupBlockSize"]:
        '''The backup block size.

        0 means the legacy default size 2MiB, and -1 indicate the block size is invalid.

        :schema: BackupSpec#backupBlockSize
        '''
        result = self._values.get("backup_block_size")
        return typing.cast(typing.Optional["BackupSpecBackupBlockSize"], result)

    @builtins.property
    def backup_mode(self) -> typing.Optional["BackupSpecBackupMode"]:
        '''The backup mode of this backup.

        Can be "full" or "incremental"

        :schema: BackupSpec#backupMode
        '''
        result = self._values.get("backup_mode")
        return typing.cast(typing.Optional["BackupSpecBackupMode"], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''The labels of snapshot backup.

        :schema: BackupSpec#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def snapshot_name(self) -> typing.Optional[builtins.str]:
        '''The snapshot name.

        :schema: BackupSpec#snapshotName
        '''
        result = self._values.get("snapshot_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sync_requested_at(self) -> typing.Optional[datetime.datetime]:
        '''The time to request run sync the remote backup.

        :schema: BackupSpec#syncRequestedAt
        '''
        result = self._values.get("sync_requested_at")
        return typing.cast(typing.Optional[datetime.datetime], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackupSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.BackupSpecBackupBlockSize")
class BackupSpecBackupBlockSize(enum.Enum):
    '''The backup block size.

    0 means the legacy default size 2MiB, and -1 indicate the block size is invalid.

    :schema: BackupSpecBackupBlockSize
    '''

    VALUE_HYPHEN_1 = "VALUE_HYPHEN_1"
    '''-1.'''
    VALUE_2097152 = "VALUE_2097152"
    '''2097152.'''
    VALUE_16777216 = "VALUE_16777216"
    '''16777216.'''


@jsii.enum(jsii_type="iolonghorn.BackupSpecBackupMode")
class BackupSpecBackupMode(enum.Enum):
    '''The backup mode of this backup.

    Can be "full" or "incremental"

    :schema: BackupSpecBackupMode
    '''

    FULL = "FULL"
    '''full.'''
    INCREMENTAL = "INCREMENTAL"
    '''incremental.'''


class BackupTarget(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.BackupTarget",
):
    '''BackupTarget is where Longhorn stores backup target object.

    :schema: BackupTarget
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupTargetSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "BackupTarget" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: BackupTargetSpec defines the desired state of the Longhorn backup target.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6c6f6667c2d22592c3b347921082e738ef93401189a9b3f52c3d1858a16e1364)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = BackupTargetProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupTargetSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "BackupTarget".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: BackupTargetSpec defines the desired state of the Longhorn backup target.
        '''
        props = BackupTargetProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "BackupTarget".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.BackupTargetProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class BackupTargetProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupTargetSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''BackupTarget is where Longhorn stores backup target object.

        :param metadata: 
        :param spec: BackupTargetSpec defines the desired state of the Longhorn backup target.

        :schema: BackupTarget
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = BackupTargetSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f7dd3ab9e81dbf65cf9ea877ed3b50551570fd63ed6279955c822b044118efda)
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
        :schema: BackupTarget#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["BackupTargetSpec"]:
        '''BackupTargetSpec defines the desired state of the Longhorn backup target.

        :schema: BackupTarget#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["BackupTargetSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackupTargetProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackupTargetSpec",
    jsii_struct_bases=[],
    name_mapping={
        "backup_target_url": "backupTargetUrl",
        "credential_secret": "credentialSecret",
        "poll_interval": "pollInterval",
        "sync_requested_at": "syncRequestedAt",
    },
)
class BackupTargetSpec:
    def __init__(
        self,
        *,
        backup_target_url: typing.Optional[builtins.str] = None,
        credential_secret: typing.Optional[builtins.str] = None,
        poll_interval: typing.Optional[builtins.str] = None,
        sync_requested_at: typing.Optional[datetime.datetime] = None,
    ) -> None:
        '''BackupTargetSpec defines the desired state of the Longhorn backup target.

        :param backup_target_url: The backup target URL.
        :param credential_secret: The backup target credential secret.
        :param poll_interval: The interval that the cluster needs to run sync with the backup target.
        :param sync_requested_at: The time to request run sync the remote backup target.

        :schema: BackupTargetSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5c18b1cef0fd0dc6d548bb6713865543f5feab475915a2b23894f133973ffd26)
            check_type(argname="argument backup_target_url", value=backup_target_url, expected_type=type_hints["backup_target_url"])
            check_type(argname="argument credential_secret", value=credential_secret, expected_type=type_hints["credential_secret"])
            check_type(argname="argument poll_interval", value=poll_interval, expected_type=type_hints["poll_interval"])
            check_type(argname="argument sync_requested_at", value=sync_requested_at, expected_type=type_hints["sync_requested_at"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if backup_target_url is not None:
            self._values["backup_target_url"] = backup_target_url
        if credential_secret is not None:
            self._values["credential_secret"] = credential_secret
        if poll_interval is not None:
            self._values["poll_interval"] = poll_interval
        if sync_requested_at is not None:
            self._values["sync_requested_at"] = sync_requested_at

    @builtins.property
    def backup_target_url(self) -> typing.Optional[builtins.str]:
        '''The backup target URL.

        :schema: BackupTargetSpec#backupTargetURL
        '''
        result = self._values.get("backup_target_url")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def credential_secret(self) -> typing.Optional[builtins.str]:
        '''The backup target credential secret.

        :schema: BackupTargetSpec#credentialSecret
        '''
        result = self._values.get("credential_secret")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def poll_interval(self) -> typing.Optional[builtins.str]:
        '''The interval that the cluster needs to run sync with the backup target.

        :schema: BackupTargetSpec#pollInterval
        '''
        result = self._values.get("poll_interval")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sync_requested_at(self) -> typing.Optional[datetime.datetime]:
        '''The time to request run sync the remote backup target.

        :schema: BackupTargetSpec#syncRequestedAt
        '''
        result = self._values.get("sync_requested_at")
        return typing.cast(typing.Optional[datetime.datetime], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackupTargetSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class BackupVolume(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.BackupVolume",
):
    '''BackupVolume is where Longhorn stores backup volume object.

    :schema: BackupVolume
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupVolumeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "BackupVolume" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: BackupVolumeSpec defines the desired state of the Longhorn backup volume.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__35202d0205005a7cc598612385c22b60ce4baeb4b623b9d776fc03dcd0430b57)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = BackupVolumeProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupVolumeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "BackupVolume".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: BackupVolumeSpec defines the desired state of the Longhorn backup volume.
        '''
        props = BackupVolumeProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "BackupVolume".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.BackupVolumeProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class BackupVolumeProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BackupVolumeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''BackupVolume is where Longhorn stores backup volume object.

        :param metadata: 
        :param spec: BackupVolumeSpec defines the desired state of the Longhorn backup volume.

        :schema: BackupVolume
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = BackupVolumeSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c2aab6946d7bad7ac2dd632e48934267d6ec9434b7a027293864b00ef0dba90d)
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
        :schema: BackupVolume#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["BackupVolumeSpec"]:
        '''BackupVolumeSpec defines the desired state of the Longhorn backup volume.

        :schema: BackupVolume#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["BackupVolumeSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackupVolumeProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.BackupVolumeSpec",
    jsii_struct_bases=[],
    name_mapping={
        "backup_target_name": "backupTargetName",
        "sync_requested_at": "syncRequestedAt",
        "volume_name": "volumeName",
    },
)
class BackupVolumeSpec:
    def __init__(
        self,
        *,
        backup_target_name: typing.Optional[builtins.str] = None,
        sync_requested_at: typing.Optional[datetime.datetime] = None,
        volume_name: typing.Optional[builtins.str] = None,
    ) -> None:
        '''BackupVolumeSpec defines the desired state of the Longhorn backup volume.

        :param backup_target_name: The backup target name that the backup volume was synced.
        :param sync_requested_at: The time to request run sync the remote backup volume.
        :param volume_name: The volume name that the backup volume was used to backup.

        :schema: BackupVolumeSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__982909acef574441b3fe9ee7876c32fbcc154281e2c3b86468a0141d284d2cbf)
            check_type(argname="argument backup_target_name", value=backup_target_name, expected_type=type_hints["backup_target_name"])
            check_type(argname="argument sync_requested_at", value=sync_requested_at, expected_type=type_hints["sync_requested_at"])
            check_type(argname="argument volume_name", value=volume_name, expected_type=type_hints["volume_name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if backup_target_name is not None:
            self._values["backup_target_name"] = backup_target_name
        if sync_requested_at is not None:
            self._values["sync_requested_at"] = sync_requested_at
        if volume_name is not None:
            self._values["volume_name"] = volume_name

    @builtins.property
    def backup_target_name(self) -> typing.Optional[builtins.str]:
        '''The backup target name that the backup volume was synced.

        :schema: BackupVolumeSpec#backupTargetName
        '''
        result = self._values.get("backup_target_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sync_requested_at(self) -> typing.Optional[datetime.datetime]:
        '''The time to request run sync the remote backup volume.

        :schema: BackupVolumeSpec#syncRequestedAt
        '''
        result = self._values.get("sync_requested_at")
        return typing.cast(typing.Optional[datetime.datetime], result)

    @builtins.property
    def volume_name(self) -> typing.Optional[builtins.str]:
        '''The volume name that the backup volume was used to backup.

        :schema: BackupVolumeSpec#volumeName
        '''
        result = self._values.get("volume_name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BackupVolumeSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class Engine(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Engine",
):
    '''Engine is where Longhorn stores engine object.

    :schema: Engine
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Engine" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: EngineSpec defines the desired state of the Longhorn engine.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e26505a9581315907b30b02d08be945b9ef0b02a1824e5c65b610ddc2c3d0803)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = EngineProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Engine".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: EngineSpec defines the desired state of the Longhorn engine.
        '''
        props = EngineProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Engine".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


class EngineFrontend(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.EngineFrontend",
):
    '''EngineFrontend is where Longhorn stores engine frontend object for v2 data engine initiator.

    :schema: EngineFrontend
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineFrontendSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "EngineFrontend" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: EngineFrontendSpec defines the desired state of the Longhorn engine frontend (v2 initiator).
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f5c6771e2f5ca64f35cfa0dcdc35294c57b1fbf6ea460e9cbb66971aa4bfb0e5)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = EngineFrontendProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineFrontendSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "EngineFrontend".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: EngineFrontendSpec defines the desired state of the Longhorn engine frontend (v2 initiator).
        '''
        props = EngineFrontendProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "EngineFrontend".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.EngineFrontendProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class EngineFrontendProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineFrontendSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''EngineFrontend is where Longhorn stores engine frontend object for v2 data engine initiator.

        :param metadata: 
        :param spec: EngineFrontendSpec defines the desired state of the Longhorn engine frontend (v2 initiator).

        :schema: EngineFrontend
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = EngineFrontendSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__451b2257284aa2c81eee246ff03a36416f356d35628f0c626bfe12a1bbcd0f4d)
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
        :schema: EngineFrontend#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["EngineFrontendSpec"]:
        '''EngineFrontendSpec defines the desired state of the Longhorn engine frontend (v2 initiator).

        :schema: EngineFrontend#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["EngineFrontendSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "EngineFrontendProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.EngineFrontendSpec",
    jsii_struct_bases=[],
    name_mapping={
        "active": "active",
        "data_engine": "dataEngine",
        "desire_state": "desireState",
        "disable_frontend": "disableFrontend",
        "engine_name": "engineName",
        "frontend": "frontend",
        "image": "image",
        "log_requested": "logRequested",
        "node_id": "nodeId",
        "salvage_requested": "salvageRequested",
        "size": "size",
        "target_ip": "targetIp",
        "target_port": "targetPort",
        "ublk_number_of_queue": "ublkNumberOfQueue",
        "ublk_queue_depth": "ublkQueueDepth",
        "volume_name": "volumeName",
        "volume_size": "volumeSize",
    },
)
class EngineFrontendSpec:
    def __init__(
        self,
        *,
        active: typing.Optional[builtins.bool] = None,
        data_engine: typing.Optional["EngineFrontendSpecDataEngine"] = None,
        desire_state: typing.Optional[builtins.str] = None,
        disable_frontend: typing.Optional[builtins.bool] = None,
        engine_name: typing.Optional[builtins.str] = None,
        frontend: typing.Optional["EngineFrontendSpecFrontend"] = None,
        image: typing.Optional[builtins.str] = None,
        log_requested: typing.Optional[builtins.bool] = None,
        node_id: typing.Optional[builtins.str] = None,
        salvage_requested: typing.Optional[builtins.bool] = None,
        size: typing.Optional[builtins.str] = None,
        target_ip: typing.Optional[builtins.str] = None,
        target_port: typing.Optional[jsii.Number] = None,
        ublk_number_of_queue: typing.Optional[jsii.Number] = None,
        ublk_queue_depth: typing.Optional[jsii.Number] = None,
        volume_name: typing.Optional[builtins.str] = None,
        volume_size: typing.Optional[builtins.str] = None,
    ) -> None:
        '''EngineFrontendSpec defines the desired state of the Longhorn engine frontend (v2 initiator).

        :param active: 
        :param data_engine: 
        :param desire_state: 
        :param disable_frontend: 
        :param engine_name: EngineName is the name of the v2 engine target (required for EngineFrontend instance creation).
        :param frontend: 
        :param image: 
        :param log_requested: 
        :param node_id: 
        :param salvage_requested: 
        :param size: Size is the desired size of the frontend device in bytes, as requested by the volume owner. The EngineFrontend controller drives the frontend device toward this size independently of the engine's target size.
        :param target_ip: TargetIP is the IP address of the v2 engine target.
        :param target_port: TargetPort is the port of the v2 engine target.
        :param ublk_number_of_queue: ublkNumberOfQueue controls the number of queues for ublk frontend.
        :param ublk_queue_depth: ublkQueueDepth controls the depth of each queue for ublk frontend.
        :param volume_name: 
        :param volume_size: 

        :schema: EngineFrontendSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__94807d9c69614c5a5f9b8df41287768e7a7c6bf6beabe46ebb2ca29cb379e80e)
            check_type(argname="argument active", value=active, expected_type=type_hints["active"])
            check_type(argname="argument data_engine", value=data_engine, expected_type=type_hints["data_engine"])
            check_type(argname="argument desire_state", value=desire_state, expected_type=type_hints["desire_state"])
            check_type(argname="argument disable_frontend", value=disable_frontend, expected_type=type_hints["disable_frontend"])
            check_type(argname="argument engine_name", value=engine_name, expected_type=type_hints["engine_name"])
            check_type(argname="argument frontend", value=frontend, expected_type=type_hints["frontend"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
            check_type(argname="argument log_requested", value=log_requested, expected_type=type_hints["log_requested"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument salvage_requested", value=salvage_requested, expected_type=type_hints["salvage_requested"])
            check_type(argname="argument size", value=size, expected_type=type_hints["size"])
            check_type(argname="argument target_ip", value=target_ip, expected_type=type_hints["target_ip"])
            check_type(argname="argument target_port", value=target_port, expected_type=type_hints["target_port"])
            check_type(argname="argument ublk_number_of_queue", value=ublk_number_of_queue, expected_type=type_hints["ublk_number_of_queue"])
            check_type(argname="argument ublk_queue_depth", value=ublk_queue_depth, expected_type=type_hints["ublk_queue_depth"])
            check_type(argname="argument volume_name", value=volume_name, expected_type=type_hints["volume_name"])
            check_type(argname="argument volume_size", value=volume_size, expected_type=type_hints["volume_size"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if active is not None:
            self._values["active"] = active
        if data_engine is not None:
            self._values["data_engine"] = data_engine
        if desire_state is not None:
            self._values["desire_state"] = desire_state
        if disable_frontend is not None:
            self._values["disable_frontend"] = disable_frontend
        if engine_name is not None:
            self._values["engine_name"] = engine_name
        if frontend is not None:
            self._values["frontend"] = frontend
        if image is not None:
            self._values["image"] = image
        if log_requested is not None:
            self._values["log_requested"] = log_requested
        if node_id is not None:
            self._values["node_id"] = node_id
        if salvage_requested is not None:
            self._values["salvage_requested"] = salvage_requested
        if size is not None:
            self._values["size"] = size
        if target_ip is not None:
            self._values["target_ip"] = target_ip
        if target_port is not None:
            self._values["target_port"] = target_port
        if ublk_number_of_queue is not None:
            self._values["ublk_number_of_queue"] = ublk_number_of_queue
        if ublk_queue_depth is not None:
            self._values["ublk_queue_depth"] = ublk_queue_depth
        if volume_name is not None:
            self._values["volume_name"] = volume_name
        if volume_size is not None:
            self._values["volume_size"] = volume_size

    @builtins.property
    def active(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineFrontendSpec#active
        '''
        result = self._values.get("active")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def data_engine(self) -> typing.Optional["EngineFrontendSpecDataEngine"]:
        '''
        :schema: EngineFrontendSpec#dataEngine
        '''
        result = self._values.get("data_engine")
        return typing.cast(typing.Optional["EngineFrontendSpecDataEngine"], result)

    @builtins.property
    def desire_state(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineFrontendSpec#desireState
        '''
        result = self._values.get("desire_state")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disable_frontend(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineFrontendSpec#disableFrontend
        '''
        result = self._values.get("disable_frontend")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def engine_name(self) -> typing.Optional[builtins.str]:
        '''EngineName is the name of the v2 engine target (required for EngineFrontend instance creation).

        :schema: EngineFrontendSpec#engineName
        '''
        result = self._values.get("engine_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def frontend(self) -> typing.Optional["EngineFrontendSpecFrontend"]:
        '''
        :schema: EngineFrontendSpec#frontend
        '''
        result = self._values.get("frontend")
        return typing.cast(typing.Optional["EngineFrontendSpecFrontend"], result)

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineFrontendSpec#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def log_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineFrontendSpec#logRequested
        '''
        result = self._values.get("log_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineFrontendSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def salvage_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineFrontendSpec#salvageRequested
        '''
        result = self._values.get("salvage_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def size(self) -> typing.Optional[builtins.str]:
        '''Size is the desired size of the frontend device in bytes, as requested by the volume owner.

        The EngineFrontend controller drives the frontend
        device toward this size independently of the engine's target size.

        :schema: EngineFrontendSpec#size
        '''
        result = self._values.get("size")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def target_ip(self) -> typing.Optional[builtins.str]:
        '''TargetIP is the IP address of the v2 engine target.

        :schema: EngineFrontendSpec#targetIP
        '''
        result = self._values.get("target_ip")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def target_port(self) -> typing.Optional[jsii.Number]:
        '''TargetPort is the port of the v2 engine target.

        :schema: EngineFrontendSpec#targetPort
        '''
        result = self._values.get("target_port")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def ublk_number_of_queue(self) -> typing.Optional[jsii.Number]:
        '''ublkNumberOfQueue controls the number of queues for ublk frontend.

        :schema: EngineFrontendSpec#ublkNumberOfQueue
        '''
        result = self._values.get("ublk_number_of_queue")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def ublk_queue_depth(self) -> typing.Optional[jsii.Number]:
        '''ublkQueueDepth controls the depth of each queue for ublk frontend.

        :schema: EngineFrontendSpec#ublkQueueDepth
        '''
        result = self._values.get("ublk_queue_depth")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def volume_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineFrontendSpec#volumeName
        '''
        result = self._values.get("volume_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def volume_size(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineFrontendSpec#volumeSize
        '''
        result = self._values.get("volume_size")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "EngineFrontendSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.EngineFrontendSpecDataEngine")
class EngineFrontendSpecDataEngine(enum.Enum):
    '''
    :schema: EngineFrontendSpecDataEngine
    '''

    V1 = "V1"
    '''v1.'''
    V2 = "V2"
    '''v2.'''


@jsii.enum(jsii_type="iolonghorn.EngineFrontendSpecFrontend")
class EngineFrontendSpecFrontend(enum.Enum):
    '''
    :schema: EngineFrontendSpecFrontend
    '''

    BLOCKDEV = "BLOCKDEV"
    '''blockdev.'''
    ISCSI = "ISCSI"
    '''iscsi.'''
    NVMF = "NVMF"
    '''nvmf.'''
    UBLK = "UBLK"
    '''ublk.'''


class EngineImage(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.EngineImage",
):
    '''EngineImage is where Longhorn stores engine image object.

    :schema: EngineImage
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "EngineImage" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: EngineImageSpec defines the desired state of the Longhorn engine image.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5cabc5cfcac4f8fa213b44d1a40d39e977f41be4447def59950e728de9595b7a)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = EngineImageProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "EngineImage".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: EngineImageSpec defines the desired state of the Longhorn engine image.
        '''
        props = EngineImageProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "EngineImage".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.EngineImageProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class EngineImageProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineImageSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''EngineImage is where Longhorn stores engine image object.

        :param metadata: 
        :param spec: EngineImageSpec defines the desired state of the Longhorn engine image.

        :schema: EngineImage
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = EngineImageSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__41c8715479a8d3f0c4a41ee0c154c711c240204aeeb5019fa68b70bef602f055)
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
        :schema: EngineImage#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["EngineImageSpec"]:
        '''EngineImageSpec defines the desired state of the Longhorn engine image.

        :schema: EngineImage#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["EngineImageSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "EngineImageProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.EngineImageSpec",
    jsii_struct_bases=[],
    name_mapping={"image": "image"},
)
class EngineImageSpec:
    def __init__(self, *, image: builtins.str) -> None:
        '''EngineImageSpec defines the desired state of the Longhorn engine image.

        :param image: 

        :schema: EngineImageSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2b27c63e1e6f909480f5d356e4707fecc7b5bc0b1bd06b527fb8d706cd971aaa)
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "image": image,
        }

    @builtins.property
    def image(self) -> builtins.str:
        '''
        :schema: EngineImageSpec#image
        '''
        result = self._values.get("image")
        assert result is not None, "Required property 'image' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "EngineImageSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.EngineProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class EngineProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["EngineSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Engine is where Longhorn stores engine object.

        :param metadata: 
        :param spec: EngineSpec defines the desired state of the Longhorn engine.

        :schema: Engine
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = EngineSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3ecab57b715866adfc6007a4feb80590accfb34a317530f1af8b777dc567742b)
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
        :schema: Engine#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["EngineSpec"]:
        '''EngineSpec defines the desired state of the Longhorn engine.

        :schema: Engine#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["EngineSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "EngineProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.EngineSpec",
    jsii_struct_bases=[],
    name_mapping={
        "active": "active",
        "backup_volume": "backupVolume",
        "data_engine": "dataEngine",
        "desire_state": "desireState",
        "disable_frontend": "disableFrontend",
        "frontend": "frontend",
        "image": "image",
        "log_requested": "logRequested",
        "node_id": "nodeId",
        "rebuild_concurrent_sync_limit": "rebuildConcurrentSyncLimit",
        "replica_address_map": "replicaAddressMap",
        "requested_backup_restore": "requestedBackupRestore",
        "requested_data_source": "requestedDataSource",
        "revision_counter_disabled": "revisionCounterDisabled",
        "salvage_requested": "salvageRequested",
        "snapshot_max_count": "snapshotMaxCount",
        "snapshot_max_size": "snapshotMaxSize",
        "ublk_number_of_queue": "ublkNumberOfQueue",
        "ublk_queue_depth": "ublkQueueDepth",
        "unmap_mark_snap_chain_removed_enabled": "unmapMarkSnapChainRemovedEnabled",
        "upgraded_replica_address_map": "upgradedReplicaAddressMap",
        "volume_name": "volumeName",
        "volume_size": "volumeSize",
    },
)
class EngineSpec:
    def __init__(
        self,
        *,
        active: typing.Optional[builtins.bool] = None,
        backup_volume: typing.Optional[builtins.str] = None,
        data_engine: typing.Optional["EngineSpecDataEngine"] = None,
        desire_state: typing.Optional[builtins.str] = None,
        disable_frontend: typing.Optional[builtins.bool] = None,
        frontend: typing.Optional["EngineSpecFrontend"] = None,
        image: typing.Optional[builtins.str] = None,
        log_requested: typing.Optional[builtins.bool] = None,
        node_id: typing.Optional[builtins.str] = None,
        rebuild_concurrent_sync_limit: typing.Optional[jsii.Number] = None,
        replica_address_map: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        requested_backup_restore: typing.Optional[builtins.str] = None,
        requested_data_source: typing.Optional[builtins.str] = None,
        revision_counter_disabled: typing.Optional[builtins.bool] = None,
        salvage_requested: typing.Optional[builtins.bool] = None,
        snapshot_max_count: typing.Optional[jsii.Number] = None,
        snapshot_max_size: typing.Optional[builtins.str] = None,
        ublk_number_of_queue: typing.Optional[jsii.Number] = None,
        ublk_queue_depth: typing.Optional[jsii.Number] = None,
        unmap_mark_snap_chain_removed_enabled: typing.Optional[builtins.bool] = None,
        upgraded_replica_address_map: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        volume_name: typing.Optional[builtins.str] = None,
        volume_size: typing.Optional[builtins.str] = None,
    ) -> None:
        '''EngineSpec defines the desired state of the Longhorn engine.

        :param active: 
        :param backup_volume: 
        :param data_engine: 
        :param desire_state: 
        :param disable_frontend: 
        :param frontend: 
        :param image: 
        :param log_requested: 
        :param node_id: 
        :param rebuild_concurrent_sync_limit: RebuildConcurrentSyncLimit controls the maximum number of file synchronization operations that can run concurrently during a single replica rebuild. It is determined by the global setting or the volume spec field with the same name.
        :param replica_address_map: 
        :param requested_backup_restore: 
        :param requested_data_source: 
        :param revision_counter_disabled: 
        :param salvage_requested: 
        :param snapshot_max_count: 
        :param snapshot_max_size: 
        :param ublk_number_of_queue: ublkNumberOfQueue controls the number of queues for ublk frontend.
        :param ublk_queue_depth: ublkQueueDepth controls the depth of each queue for ublk frontend.
        :param unmap_mark_snap_chain_removed_enabled: 
        :param upgraded_replica_address_map: 
        :param volume_name: 
        :param volume_size: 

        :schema: EngineSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8af73bbc6104d9f782bb169bd9221a1409d51866ada4670467ce8e8caff8e02a)
            check_type(argname="argument active", value=active, expected_type=type_hints["active"])
            check_type(argname="argument backup_volume", value=backup_volume, expected_type=type_hints["backup_volume"])
            check_type(argname="argument data_engine", value=data_engine, expected_type=type_hints["data_engine"])
            check_type(argname="argument desire_state", value=desire_state, expected_type=type_hints["desire_state"])
            check_type(argname="argument disable_frontend", value=disable_frontend, expected_type=type_hints["disable_frontend"])
            check_type(argname="argument frontend", value=frontend, expected_type=type_hints["frontend"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
            check_type(argname="argument log_requested", value=log_requested, expected_type=type_hints["log_requested"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument rebuild_concurrent_sync_limit", value=rebuild_concurrent_sync_limit, expected_type=type_hints["rebuild_concurrent_sync_limit"])
            check_type(argname="argument replica_address_map", value=replica_address_map, expected_type=type_hints["replica_address_map"])
            check_type(argname="argument requested_backup_restore", value=requested_backup_restore, expected_type=type_hints["requested_backup_restore"])
            check_type(argname="argument requested_data_source", value=requested_data_source, expected_type=type_hints["requested_data_source"])
            check_type(argname="argument revision_counter_disabled", value=revision_counter_disabled, expected_type=type_hints["revision_counter_disabled"])
            check_type(argname="argument salvage_requested", value=salvage_requested, expected_type=type_hints["salvage_requested"])
            check_type(argname="argument snapshot_max_count", value=snapshot_max_count, expected_type=type_hints["snapshot_max_count"])
            check_type(argname="argument snapshot_max_size", value=snapshot_max_size, expected_type=type_hints["snapshot_max_size"])
            check_type(argname="argument ublk_number_of_queue", value=ublk_number_of_queue, expected_type=type_hints["ublk_number_of_queue"])
            check_type(argname="argument ublk_queue_depth", value=ublk_queue_depth, expected_type=type_hints["ublk_queue_depth"])
            check_type(argname="argument unmap_mark_snap_chain_removed_enabled", value=unmap_mark_snap_chain_removed_enabled, expected_type=type_hints["unmap_mark_snap_chain_removed_enabled"])
            check_type(argname="argument upgraded_replica_address_map", value=upgraded_replica_address_map, expected_type=type_hints["upgraded_replica_address_map"])
            check_type(argname="argument volume_name", value=volume_name, expected_type=type_hints["volume_name"])
            check_type(argname="argument volume_size", value=volume_size, expected_type=type_hints["volume_size"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if active is not None:
            self._values["active"] = active
        if backup_volume is not None:
            self._values["backup_volume"] = backup_volume
        if data_engine is not None:
            self._values["data_engine"] = data_engine
        if desire_state is not None:
            self._values["desire_state"] = desire_state
        if disable_frontend is not None:
            self._values["disable_frontend"] = disable_frontend
        if frontend is not None:
            self._values["frontend"] = frontend
        if image is not None:
            self._values["image"] = image
        if log_requested is not None:
            self._values["log_requested"] = log_requested
        if node_id is not None:
            self._values["node_id"] = node_id
        if rebuild_concurrent_sync_limit is not None:
            self._values["rebuild_concurrent_sync_limit"] = rebuild_concurrent_sync_limit
        if replica_address_map is not None:
            self._values["replica_address_map"] = replica_address_map
        if requested_backup_restore is not None:
            self._values["requested_backup_restore"] = requested_backup_restore
        if requested_data_source is not None:
            self._values["requested_data_source"] = requested_data_source
        if revision_counter_disabled is not None:
            self._values["revision_counter_disabled"] = revision_counter_disabled
        if salvage_requested is not None:
            self._values["salvage_requested"] = salvage_requested
        if snapshot_max_count is not None:
            self._values["snapshot_max_count"] = snapshot_max_count
        if snapshot_max_size is not None:
            self._values["snapshot_max_size"] = snapshot_max_size
        if ublk_number_of_queue is not None:
            self._values["ublk_number_of_queue"] = ublk_number_of_queue
        if ublk_queue_depth is not None:
            self._values["ublk_queue_depth"] = ublk_queue_depth
        if unmap_mark_snap_chain_removed_enabled is not None:
            self._values["unmap_mark_snap_chain_removed_enabled"] = unmap_mark_snap_chain_removed_enabled
        if upgraded_replica_address_map is not None:
            self._values["upgraded_replica_address_map"] = upgraded_replica_address_map
        if volume_name is not None:
            self._values["volume_name"] = volume_name
        if volume_size is not None:
            self._values["volume_size"] = volume_size

    @builtins.property
    def active(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineSpec#active
        '''
        result = self._values.get("active")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def backup_volume(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#backupVolume
        '''
        result = self._values.get("backup_volume")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def data_engine(self) -> typing.Optional["EngineSpecDataEngine"]:
        '''
        :schema: EngineSpec#dataEngine
        '''
        result = self._values.get("data_engine")
        return typing.cast(typing.Optional["EngineSpecDataEngine"], result)

    @builtins.property
    def desire_state(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#desireState
        '''
        result = self._values.get("desire_state")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disable_frontend(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineSpec#disableFrontend
        '''
        result = self._values.get("disable_frontend")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def frontend(self) -> typing.Optional["EngineSpecFrontend"]:
        '''
        :schema: EngineSpec#frontend
        '''
        result = self._values.get("frontend")
        return typing.cast(typing.Optional["EngineSpecFrontend"], result)

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def log_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineSpec#logRequested
        '''
        result = self._values.get("log_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def rebuild_concurrent_sync_limit(self) -> typing.Optional[jsii.Number]:
        '''RebuildConcurrentSyncLimit controls the maximum number of file synchronization operations that can run concurrently during a single replica rebuild.

        It is determined by the global setting or the volume spec field with the same name.

        :schema: EngineSpec#rebuildConcurrentSyncLimit
        '''
        result = self._values.get("rebuild_concurrent_sync_limit")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def replica_address_map(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: EngineSpec#replicaAddressMap
        '''
        result = self._values.get("replica_address_map")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def requested_backup_restore(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#requestedBackupRestore
        '''
        result = self._values.get("requested_backup_restore")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def requested_data_source(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#requestedDataSource
        '''
        result = self._values.get("requested_data_source")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def revision_counter_disabled(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineSpec#revisionCounterDisabled
        '''
        result = self._values.get("revision_counter_disabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def salvage_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineSpec#salvageRequested
        '''
        result = self._values.get("salvage_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def snapshot_max_count(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: EngineSpec#snapshotMaxCount
        '''
        result = self._values.get("snapshot_max_count")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def snapshot_max_size(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#snapshotMaxSize
        '''
        result = self._values.get("snapshot_max_size")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def ublk_number_of_queue(self) -> typing.Optional[jsii.Number]:
        '''ublkNumberOfQueue controls the number of queues for ublk frontend.

        :schema: EngineSpec#ublkNumberOfQueue
        '''
        result = self._values.get("ublk_number_of_queue")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def ublk_queue_depth(self) -> typing.Optional[jsii.Number]:
        '''ublkQueueDepth controls the depth of each queue for ublk frontend.

        :schema: EngineSpec#ublkQueueDepth
        '''
        result = self._values.get("ublk_queue_depth")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def unmap_mark_snap_chain_removed_enabled(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: EngineSpec#unmapMarkSnapChainRemovedEnabled
        '''
        result = self._values.get("unmap_mark_snap_chain_removed_enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def upgraded_replica_address_map(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: EngineSpec#upgradedReplicaAddressMap
        '''
        result = self._values.get("upgraded_replica_address_map")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def volume_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#volumeName
        '''
        result = self._values.get("volume_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def volume_size(self) -> typing.Optional[builtins.str]:
        '''
        :schema: EngineSpec#volumeSize
        '''
        result = self._values.get("volume_size")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "EngineSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.EngineSpecDataEngine")
class EngineSpecDataEngine(enum.Enum):
    '''
    :schema: EngineSpecDataEngine
    '''

    V1 = "V1"
    '''v1.'''
    V2 = "V2"
    '''v2.'''


@jsii.enum(jsii_type="iolonghorn.EngineSpecFrontend")
class EngineSpecFrontend(enum.Enum):
    '''
    :schema: EngineSpecFrontend
    '''

    BLOCKDEV = "BLOCKDEV"
    '''blockdev.'''
    ISCSI = "ISCSI"
    '''iscsi.'''
    NVMF = "NVMF"
    '''nvmf.'''
    UBLK = "UBLK"
    '''ublk.'''


class InstanceManager(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.InstanceManager",
):
    '''InstanceManager is where Longhorn stores instance manager object.

    :schema: InstanceManager
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["InstanceManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "InstanceManager" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: InstanceManagerSpec defines the desired state of the Longhorn instance manager.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f6f56216a90434781d43cbfee0c30656efc09a4a163606e02390fc38d3602f96)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = InstanceManagerProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["InstanceManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "InstanceManager".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: InstanceManagerSpec defines the desired state of the Longhorn instance manager.
        '''
        props = InstanceManagerProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "InstanceManager".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.InstanceManagerProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class InstanceManagerProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["InstanceManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''InstanceManager is where Longhorn stores instance manager object.

        :param metadata: 
        :param spec: InstanceManagerSpec defines the desired state of the Longhorn instance manager.

        :schema: InstanceManager
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = InstanceManagerSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f5150613d365ac2383fb88e4c5c7295db3e45b4a82e7526c808558088a7fb50f)
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
        :schema: InstanceManager#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["InstanceManagerSpec"]:
        '''InstanceManagerSpec defines the desired state of the Longhorn instance manager.

        :schema: InstanceManager#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["InstanceManagerSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InstanceManagerProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.InstanceManagerSpec",
    jsii_struct_bases=[],
    name_mapping={
        "data_engine": "dataEngine",
        "data_engine_spec": "dataEngineSpec",
        "image": "image",
        "node_id": "nodeId",
        "type": "type",
    },
)
class InstanceManagerSpec:
    def __init__(
        self,
        *,
        data_engine: typing.Optional[builtins.str] = None,
        data_engine_spec: typing.Optional[typing.Union["InstanceManagerSpecDataEngineSpec", typing.Dict[builtins.str, typing.Any]]] = None,
        image: typing.Optional[builtins.str] = None,
        node_id: typing.Optional[builtins.str] = None,
        type: typing.Optional["InstanceManagerSpecType"] = None,
    ) -> None:
        '''InstanceManagerSpec defines the desired state of the Longhorn instance manager.

        :param data_engine: 
        :param data_engine_spec: 
        :param image: 
        :param node_id: 
        :param type: 

        :schema: InstanceManagerSpec
        '''
        if isinstance(data_engine_spec, dict):
            data_engine_spec = InstanceManagerSpecDataEngineSpec(**data_engine_spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c32a86d0cae09940e0a56f738fe99213e92e13b8390ca7df5009154342b90bfa)
            check_type(argname="argument data_engine", value=data_engine, expected_type=type_hints["data_engine"])
            check_type(argname="argument data_engine_spec", value=data_engine_spec, expected_type=type_hints["data_engine_spec"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if data_engine is not None:
            self._values["data_engine"] = data_engine
        if data_engine_spec is not None:
            self._values["data_engine_spec"] = data_engine_spec
        if image is not None:
            self._values["image"] = image
        if node_id is not None:
            self._values["node_id"] = node_id
        if type is not None:
            self._values["type"] = type

    @builtins.property
    def data_engine(self) -> typing.Optional[builtins.str]:
        '''
        :schema: InstanceManagerSpec#dataEngine
        '''
        result = self._values.get("data_engine")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def data_engine_spec(self) -> typing.Optional["InstanceManagerSpecDataEngineSpec"]:
        '''
        :schema: InstanceManagerSpec#dataEngineSpec
        '''
        result = self._values.get("data_engine_spec")
        return typing.cast(typing.Optional["InstanceManagerSpecDataEngineSpec"], result)

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''
        :schema: InstanceManagerSpec#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: InstanceManagerSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def type(self) -> typing.Optional["InstanceManagerSpecType"]:
        '''
        :schema: InstanceManagerSpec#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional["InstanceManagerSpecType"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InstanceManagerSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.InstanceManagerSpecDataEngineSpec",
    jsii_struct_bases=[],
    name_mapping={"v2": "v2"},
)
class InstanceManagerSpecDataEngineSpec:
    def __init__(
        self,
        *,
        v2: typing.Optional[typing.Union["InstanceManagerSpecDataEngineSpecV2", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param v2: 

        :schema: InstanceManagerSpecDataEngineSpec
        '''
        if isinstance(v2, dict):
            v2 = InstanceManagerSpecDataEngineSpecV2(**v2)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__102be7ff9700707638a400e880e4de6d84f0aa4bc7808f2ab597e1af716b65d2)
            check_type(argname="argument v2", value=v2, expected_type=type_hints["v2"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if v2 is not None:
            self._values["v2"] = v2

    @builtins.property
    def v2(self) -> typing.Optional["InstanceManagerSpecDataEngineSpecV2"]:
        '''
        :schema: InstanceManagerSpecDataEngineSpec#v2
        '''
        result = self._values.get("v2")
        return typing.cast(typing.Optional["InstanceManagerSpecDataEngineSpecV2"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InstanceManagerSpecDataEngineSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.InstanceManagerSpecDataEngineSpecV2",
    jsii_struct_bases=[],
    name_mapping={
        "cpu_isolation_enabled": "cpuIsolationEnabled",
        "cpu_mask": "cpuMask",
    },
)
class InstanceManagerSpecDataEngineSpecV2:
    def __init__(
        self,
        *,
        cpu_isolation_enabled: typing.Optional["InstanceManagerSpecDataEngineSpecV2CpuIsolationEnabled"] = None,
        cpu_mask: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param cpu_isolation_enabled: CPUIsolationEnabled overrides the cluster-wide data-engine-cpu-isolation-enabled setting for this instance manager. "true" -> pass --enable-irq-affinity and --enable-workqueue-affinity to start-spdk-tgt (steer host IRQs and unbound kernel workqueues away from the SPDK reactor CPUs). "false" -> do not pass the flags. "" -> inherit the global setting value.
        :param cpu_mask: 

        :schema: InstanceManagerSpecDataEngineSpecV2
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2e2289535c4285d1b706a17e5e93ae56f154c9ac9a4a23530926a824bd909b2b)
            check_type(argname="argument cpu_isolation_enabled", value=cpu_isolation_enabled, expected_type=type_hints["cpu_isolation_enabled"])
            check_type(argname="argument cpu_mask", value=cpu_mask, expected_type=type_hints["cpu_mask"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if cpu_isolation_enabled is not None:
            self._values["cpu_isolation_enabled"] = cpu_isolation_enabled
        if cpu_mask is not None:
            self._values["cpu_mask"] = cpu_mask

    @builtins.property
    def cpu_isolation_enabled(
        self,
    ) -> typing.Optional["InstanceManagerSpecDataEngineSpecV2CpuIsolationEnabled"]:
        '''CPUIsolationEnabled overrides the cluster-wide data-engine-cpu-isolation-enabled setting for this instance manager.

        "true"  -> pass --enable-irq-affinity and --enable-workqueue-affinity
        to start-spdk-tgt (steer host IRQs and unbound kernel
        workqueues away from the SPDK reactor CPUs).
        "false" -> do not pass the flags.
        ""      -> inherit the global setting value.

        :schema: InstanceManagerSpecDataEngineSpecV2#cpuIsolationEnabled
        '''
        result = self._values.get("cpu_isolation_enabled")
        return typing.cast(typing.Optional["InstanceManagerSpecDataEngineSpecV2CpuIsolationEnabled"], result)

    @builtins.property
    def cpu_mask(self) -> typing.Optional[builtins.str]:
        '''
        :schema: InstanceManagerSpecDataEngineSpecV2#cpuMask
        '''
        result = self._values.get("cpu_mask")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InstanceManagerSpecDataEngineSpecV2(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="iolonghorn.InstanceManagerSpecDataEngineSpecV2CpuIsolationEnabled"
)
class InstanceManagerSpecDataEngineSpecV2CpuIsolationEnabled(enum.Enum):
    '''CPUIsolationEnabled overrides the cluster-wide data-engine-cpu-isolation-enabled setting for this instance manager.

    "true"  -> pass --enable-irq-affinity and --enable-workqueue-affinity
    to start-spdk-tgt (steer host IRQs and unbound kernel
    workqueues away from the SPDK reactor CPUs).
    "false" -> do not pass the flags.
    ""      -> inherit the global setting value.

    :schema: InstanceManagerSpecDataEngineSpecV2CpuIsolationEnabled
    '''

    TRUE = "TRUE"
    '''true.'''
    FALSE = "FALSE"
    '''false.'''


@jsii.enum(jsii_type="iolonghorn.InstanceManagerSpecType")
class InstanceManagerSpecType(enum.Enum):
    '''
    :schema: InstanceManagerSpecType
    '''

    AIO = "AIO"
    '''aio.'''
    ENGINE = "ENGINE"
    '''engine.'''
    REPLICA = "REPLICA"
    '''replica.'''


class Node(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Node",
):
    '''Node is where Longhorn stores Longhorn node object.

    :schema: Node
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["NodeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Node" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: NodeSpec defines the desired state of the Longhorn node.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cf84aa89449db81647508fe9a93209eeead005ecefd0b783ac742007d45c7b63)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = NodeProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["NodeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Node".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: NodeSpec defines the desired state of the Longhorn node.
        '''
        props = NodeProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Node".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.NodeProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class NodeProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["NodeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Node is where Longhorn stores Longhorn node object.

        :param metadata: 
        :param spec: NodeSpec defines the desired state of the Longhorn node.

        :schema: Node
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = NodeSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__411676cb109cd9e6e1d0122f7f71f8839ec01e0973c5220445db32d52d29b7bf)
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
        :schema: Node#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["NodeSpec"]:
        '''NodeSpec defines the desired state of the Longhorn node.

        :schema: Node#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["NodeSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "NodeProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.NodeSpec",
    jsii_struct_bases=[],
    name_mapping={
        "allow_scheduling": "allowScheduling",
        "disks": "disks",
        "eviction_requested": "evictionRequested",
        "instance_manager_cpu_request": "instanceManagerCpuRequest",
        "name": "name",
        "tags": "tags",
    },
)
class NodeSpec:
    def __init__(
        self,
        *,
        allow_scheduling: typing.Optional[builtins.bool] = None,
        disks: typing.Optional[typing.Mapping[builtins.str, typing.Union["NodeSpecDisks", typing.Dict[builtins.str, typing.Any]]]] = None,
        eviction_requested: typing.Optional[builtins.bool] = None,
        instance_manager_cpu_request: typing.Optional[jsii.Number] = None,
        name: typing.Optional[builtins.str] = None,
        tags: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''NodeSpec defines the desired state of the Longhorn node.

        :param allow_scheduling: 
        :param disks: 
        :param eviction_requested: 
        :param instance_manager_cpu_request: 
        :param name: 
        :param tags: 

        :schema: NodeSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1ad388a99ccee666fc8821a58e9f0c879f7ba1e353aa1105ae171602342287ba)
            check_type(argname="argument allow_scheduling", value=allow_scheduling, expected_type=type_hints["allow_scheduling"])
            check_type(argname="argument disks", value=disks, expected_type=type_hints["disks"])
            check_type(argname="argument eviction_requested", value=eviction_requested, expected_type=type_hints["eviction_requested"])
            check_type(argname="argument instance_manager_cpu_request", value=instance_manager_cpu_request, expected_type=type_hints["instance_manager_cpu_request"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument tags", value=tags, expected_type=type_hints["tags"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if allow_scheduling is not None:
            self._values["allow_scheduling"] = allow_scheduling
        if disks is not None:
            self._values["disks"] = disks
        if eviction_requested is not None:
            self._values["eviction_requested"] = eviction_requested
        if instance_manager_cpu_request is not None:
            self._values["instance_manager_cpu_request"] = instance_manager_cpu_request
        if name is not None:
            self._values["name"] = name
        if tags is not None:
            self._values["tags"] = tags

    @builtins.property
    def allow_scheduling(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: NodeSpec#allowScheduling
        '''
        result = self._values.get("allow_scheduling")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def disks(self) -> typing.Optional[typing.Mapping[builtins.str, "NodeSpecDisks"]]:
        '''
        :schema: NodeSpec#disks
        '''
        result = self._values.get("disks")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, "NodeSpecDisks"]], result)

    @builtins.property
    def eviction_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: NodeSpec#evictionRequested
        '''
        result = self._values.get("eviction_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def instance_manager_cpu_request(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: NodeSpec#instanceManagerCPURequest
        '''
        result = self._values.get("instance_manager_cpu_request")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: NodeSpec#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def tags(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: NodeSpec#tags
        '''
        result = self._values.get("tags")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "NodeSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.NodeSpecDisks",
    jsii_struct_bases=[],
    name_mapping={
        "allow_scheduling": "allowScheduling",
        "disk_driver": "diskDriver",
        "disk_type": "diskType",
        "eviction_requested": "evictionRequested",
        "path": "path",
        "storage_reserved": "storageReserved",
        "tags": "tags",
    },
)
class NodeSpecDisks:
    def __init__(
        self,
        *,
        allow_scheduling: typing.Optional[builtins.bool] = None,
        disk_driver: typing.Optional["NodeSpecDisksDiskDriver"] = None,
        disk_type: typing.Optional["NodeSpecDisksDiskType"] = None,
        eviction_requested: typing.Optional[builtins.bool] = None,
        path: typing.Optional[builtins.str] = None,
        storage_reserved: typing.Optional[jsii.Number] = None,
        tags: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param allow_scheduling: 
        :param disk_driver: 
        :param disk_type: 
        :param eviction_requested: 
        :param path: 
        :param storage_reserved: 
        :param tags: 

        :schema: NodeSpecDisks
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__44a28781da7d125e3c835680e69e8388308f8c04320f3be311dfb575c1495b26)
            check_type(argname="argument allow_scheduling", value=allow_scheduling, expected_type=type_hints["allow_scheduling"])
            check_type(argname="argument disk_driver", value=disk_driver, expected_type=type_hints["disk_driver"])
            check_type(argname="argument disk_type", value=disk_type, expected_type=type_hints["disk_type"])
            check_type(argname="argument eviction_requested", value=eviction_requested, expected_type=type_hints["eviction_requested"])
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
            check_type(argname="argument storage_reserved", value=storage_reserved, expected_type=type_hints["storage_reserved"])
            check_type(argname="argument tags", value=tags, expected_type=type_hints["tags"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if allow_scheduling is not None:
            self._values["allow_scheduling"] = allow_scheduling
        if disk_driver is not None:
            self._values["disk_driver"] = disk_driver
        if disk_type is not None:
            self._values["disk_type"] = disk_type
        if eviction_requested is not None:
            self._values["eviction_requested"] = eviction_requested
        if path is not None:
            self._values["path"] = path
        if storage_reserved is not None:
            self._values["storage_reserved"] = storage_reserved
        if tags is not None:
            self._values["tags"] = tags

    @builtins.property
    def allow_scheduling(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: NodeSpecDisks#allowScheduling
        '''
        result = self._values.get("allow_scheduling")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def disk_driver(self) -> typing.Optional["NodeSpecDisksDiskDriver"]:
        '''
        :schema: NodeSpecDisks#diskDriver
        '''
        result = self._values.get("disk_driver")
        return typing.cast(typing.Optional["NodeSpecDisksDiskDriver"], result)

    @builtins.property
    def disk_type(self) -> typing.Optional["NodeSpecDisksDiskType"]:
        '''
        :schema: NodeSpecDisks#diskType
        '''
        result = self._values.get("disk_type")
        return typing.cast(typing.Optional["NodeSpecDisksDiskType"], result)

    @builtins.property
    def eviction_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: NodeSpecDisks#evictionRequested
        '''
        result = self._values.get("eviction_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def path(self) -> typing.Optional[builtins.str]:
        '''
        :schema: NodeSpecDisks#path
        '''
        result = self._values.get("path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def storage_reserved(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: NodeSpecDisks#storageReserved
        '''
        result = self._values.get("storage_reserved")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def tags(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: NodeSpecDisks#tags
        '''
        result = self._values.get("tags")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "NodeSpecDisks(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.NodeSpecDisksDiskDriver")
class NodeSpecDisksDiskDriver(enum.Enum):
    '''
    :schema: NodeSpecDisksDiskDriver
    '''

    AUTO = "AUTO"
    '''auto.'''
    AIO = "AIO"
    '''aio.'''
    NVME = "NVME"
    '''nvme.'''


@jsii.enum(jsii_type="iolonghorn.NodeSpecDisksDiskType")
class NodeSpecDisksDiskType(enum.Enum):
    '''
    :schema: NodeSpecDisksDiskType
    '''

    FILESYSTEM = "FILESYSTEM"
    '''filesystem.'''
    BLOCK = "BLOCK"
    '''block.'''


class Orphan(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Orphan",
):
    '''Orphan is where Longhorn stores orphan object.

    :schema: Orphan
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["OrphanSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Orphan" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: OrphanSpec defines the desired state of the Longhorn orphaned data.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d03ae0bd7b6e77060c3687575df763d742ba2cddddd3872c8b995ff624e5f094)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = OrphanProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["OrphanSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Orphan".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: OrphanSpec defines the desired state of the Longhorn orphaned data.
        '''
        props = OrphanProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Orphan".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.OrphanProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class OrphanProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["OrphanSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Orphan is where Longhorn stores orphan object.

        :param metadata: 
        :param spec: OrphanSpec defines the desired state of the Longhorn orphaned data.

        :schema: Orphan
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = OrphanSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__013b4a72f869c7e8cbd5fea46763b3943eca426f003b44a2591f3375f11dba16)
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
        :schema: Orphan#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["OrphanSpec"]:
        '''OrphanSpec defines the desired state of the Longhorn orphaned data.

        :schema: Orphan#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["OrphanSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "OrphanProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.OrphanSpec",
    jsii_struct_bases=[],
    name_mapping={
        "data_engine": "dataEngine",
        "node_id": "nodeId",
        "orphan_type": "orphanType",
        "parameters": "parameters",
    },
)
class OrphanSpec:
    def __init__(
        self,
        *,
        data_engine: typing.Optional["OrphanSpecDataEngine"] = None,
        node_id: typing.Optional[builtins.str] = None,
        orphan_type: typing.Optional[builtins.str] = None,
        parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''OrphanSpec defines the desired state of the Longhorn orphaned data.

        :param data_engine: The type of data engine for instance orphan. Can be "v1", "v2".
        :param node_id: The node ID on which the controller is responsible to reconcile this orphan CR.
        :param orphan_type: The type of the orphaned data. Can be "replica".
        :param parameters: The parameters of the orphaned data.

        :schema: OrphanSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__67a81d083cd30a138f7136c171421e1f8581584b61fe0bfd37a8b0b91e8c8a65)
            check_type(argname="argument data_engine", value=data_engine, expected_type=type_hints["data_engine"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument orphan_type", value=orphan_type, expected_type=type_hints["orphan_type"])
            check_type(argname="argument parameters", value=parameters, expected_type=type_hints["parameters"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if data_engine is not None:
            self._values["data_engine"] = data_engine
        if node_id is not None:
            self._values["node_id"] = node_id
        if orphan_type is not None:
            self._values["orphan_type"] = orphan_type
        if parameters is not None:
            self._values["parameters"] = parameters

    @builtins.property
    def data_engine(self) -> typing.Optional["OrphanSpecDataEngine"]:
        '''The type of data engine for instance orphan.

        Can be "v1", "v2".

        :schema: OrphanSpec#dataEngine
        '''
        result = self._values.get("data_engine")
        return typing.cast(typing.Optional["OrphanSpecDataEngine"], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''The node ID on which the controller is responsible to reconcile this orphan CR.

        :schema: OrphanSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def orphan_type(self) -> typing.Optional[builtins.str]:
        '''The type of the orphaned data.

        Can be "replica".

        :schema: OrphanSpec#orphanType
        '''
        result = self._values.get("orphan_type")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def parameters(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''The parameters of the orphaned data.

        :schema: OrphanSpec#parameters
        '''
        result = self._values.get("parameters")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "OrphanSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.OrphanSpecDataEngine")
class OrphanSpecDataEngine(enum.Enum):
    '''The type of data engine for instance orphan.

    Can be "v1", "v2".

    :schema: OrphanSpecDataEngine
    '''

    V1 = "V1"
    '''v1.'''
    V2 = "V2"
    '''v2.'''


class RecurringJob(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.RecurringJob",
):
    '''RecurringJob is where Longhorn stores recurring job object.

    :schema: RecurringJob
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["RecurringJobSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "RecurringJob" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: RecurringJobSpec defines the desired state of the Longhorn recurring job.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8bb5c93c90db5836292c359976569624ba1dd146d331de7f6f147d35ae318175)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = RecurringJobProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["RecurringJobSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "RecurringJob".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: RecurringJobSpec defines the desired state of the Longhorn recurring job.
        '''
        props = RecurringJobProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "RecurringJob".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.RecurringJobProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class RecurringJobProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["RecurringJobSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''RecurringJob is where Longhorn stores recurring job object.

        :param metadata: 
        :param spec: RecurringJobSpec defines the desired state of the Longhorn recurring job.

        :schema: RecurringJob
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = RecurringJobSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1672a3ae91cf76365750b52fa39784ff240a626da2ece0a56fbce3d796a76495)
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
        :schema: RecurringJob#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["RecurringJobSpec"]:
        '''RecurringJobSpec defines the desired state of the Longhorn recurring job.

        :schema: RecurringJob#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["RecurringJobSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "RecurringJobProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.RecurringJobSpec",
    jsii_struct_bases=[],
    name_mapping={
        "concurrency": "concurrency",
        "cron": "cron",
        "groups": "groups",
        "labels": "labels",
        "name": "name",
        "parameters": "parameters",
        "retain": "retain",
        "task": "task",
    },
)
class RecurringJobSpec:
    def __init__(
        self,
        *,
        concurrency: typing.Optional[jsii.Number] = None,
        cron: typing.Optional[builtins.str] = None,
        groups: typing.Optional[typing.Sequence[builtins.str]] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        name: typing.Optional[builtins.str] = None,
        parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        retain: typing.Optional[jsii.Number] = None,
        task: typing.Optional["RecurringJobSpecTask"] = None,
    ) -> None:
        '''RecurringJobSpec defines the desired state of the Longhorn recurring job.

        :param concurrency: The concurrency of taking the snapshot/backup.
        :param cron: The cron setting.
        :param groups: The recurring job group.
        :param labels: The label of the snapshot/backup.
        :param name: The recurring job name.
        :param parameters: The parameters of the snapshot/backup. Support parameters: "full-backup-interval", "volume-backup-policy".
        :param retain: The retain count of the snapshot/backup.
        :param task: The recurring job task. Can be "snapshot", "snapshot-force-create", "snapshot-cleanup", "snapshot-delete", "backup", "backup-force-create", "filesystem-trim" or "system-backup".

        :schema: RecurringJobSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__4aaa3b60fd3359d8dee5bdac3125a52646e4657fd2d1fbfb51e80f277a9d1a81)
            check_type(argname="argument concurrency", value=concurrency, expected_type=type_hints["concurrency"])
            check_type(argname="argument cron", value=cron, expected_type=type_hints["cron"])
            check_type(argname="argument groups", value=groups, expected_type=type_hints["groups"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument parameters", value=parameters, expected_type=type_hints["parameters"])
            check_type(argname="argument retain", value=retain, expected_type=type_hints["retain"])
            check_type(argname="argument task", value=task, expected_type=type_hints["task"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if concurrency is not None:
            self._values["concurrency"] = concurrency
        if cron is not None:
            self._values["cron"] = cron
        if groups is not None:
            self._values["groups"] = groups
        if labels is not None:
            self._values["labels"] = labels
        if name is not None:
            self._values["name"] = name
        if parameters is not None:
            self._values["parameters"] = parameters
        if retain is not None:
            self._values["retain"] = retain
        if task is not None:
            self._values["task"] = task

    @builtins.property
    def concurrency(self) -> typing.Optional[jsii.Number]:
        '''The concurrency of taking the snapshot/backup.

        :schema: RecurringJobSpec#concurrency
        '''
        result = self._values.get("concurrency")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def cron(self) -> typing.Optional[builtins.str]:
        '''The cron setting.

        :schema: RecurringJobSpec#cron
        '''
        result = self._values.get("cron")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def groups(self) -> typing.Optional[typing.List[builtins.str]]:
        '''The recurring job group.

        :schema: RecurringJobSpec#groups
        '''
        result = self._values.get("groups")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''The label of the snapshot/backup.

        :schema: RecurringJobSpec#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''The recurring job name.

        :schema: RecurringJobSpec#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def parameters(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''The parameters of the snapshot/backup.

        Support parameters: "full-backup-interval", "volume-backup-policy".

        :schema: RecurringJobSpec#parameters
        '''
        result = self._values.get("parameters")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def retain(self) -> typing.Optional[jsii.Number]:
        '''The retain count of the snapshot/backup.

        :schema: RecurringJobSpec#retain
        '''
        result = self._values.get("retain")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def task(self) -> typing.Optional["RecurringJobSpecTask"]:
        '''The recurring job task.

        Can be "snapshot", "snapshot-force-create", "snapshot-cleanup", "snapshot-delete", "backup", "backup-force-create", "filesystem-trim" or "system-backup".

        :schema: RecurringJobSpec#task
        '''
        result = self._values.get("task")
        return typing.cast(typing.Optional["RecurringJobSpecTask"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "RecurringJobSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.RecurringJobSpecTask")
class RecurringJobSpecTask(enum.Enum):
    '''The recurring job task.

    Can be "snapshot", "snapshot-force-create", "snapshot-cleanup", "snapshot-delete", "backup", "backup-force-create", "filesystem-trim" or "system-backup".

    :schema: RecurringJobSpecTask
    '''

    SNAPSHOT = "SNAPSHOT"
    '''snapshot.'''
    SNAPSHOT_HYPHEN_FORCE_HYPHEN_CREATE = "SNAPSHOT_HYPHEN_FORCE_HYPHEN_CREATE"
    '''snapshot-force-create.'''
    SNAPSHOT_HYPHEN_CLEANUP = "SNAPSHOT_HYPHEN_CLEANUP"
    '''snapshot-cleanup.'''
    SNAPSHOT_HYPHEN_DELETE = "SNAPSHOT_HYPHEN_DELETE"
    '''snapshot-delete.'''
    BACKUP = "BACKUP"
    '''backup.'''
    BACKUP_HYPHEN_FORCE_HYPHEN_CREATE = "BACKUP_HYPHEN_FORCE_HYPHEN_CREATE"
    '''backup-force-create.'''
    FILESYSTEM_HYPHEN_TRIM = "FILESYSTEM_HYPHEN_TRIM"
    '''filesystem-trim.'''
    SYSTEM_HYPHEN_BACKUP = "SYSTEM_HYPHEN_BACKUP"
    '''system-backup.'''


class Replica(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Replica",
):
    '''Replica is where Longhorn stores replica object.

    :schema: Replica
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ReplicaSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Replica" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: ReplicaSpec defines the desired state of the Longhorn replica.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__45d75526e2d7d036790becd2cc30d5ec92f5fbb9198696d644b9ea0d8c1f3ee1)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ReplicaProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ReplicaSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Replica".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: ReplicaSpec defines the desired state of the Longhorn replica.
        '''
        props = ReplicaProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Replica".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.ReplicaProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class ReplicaProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ReplicaSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Replica is where Longhorn stores replica object.

        :param metadata: 
        :param spec: ReplicaSpec defines the desired state of the Longhorn replica.

        :schema: Replica
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = ReplicaSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2c99abeb10456f8043118c4d2b6d770a3a6f7ed256b7e4ec7d2abbeda63f7118)
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
        :schema: Replica#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["ReplicaSpec"]:
        '''ReplicaSpec defines the desired state of the Longhorn replica.

        :schema: Replica#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["ReplicaSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ReplicaProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.ReplicaSpec",
    jsii_struct_bases=[],
    name_mapping={
        "active": "active",
        "backing_image": "backingImage",
        "data_directory_name": "dataDirectoryName",
        "data_engine": "dataEngine",
        "desire_state": "desireState",
        "disk_id": "diskId",
        "disk_path": "diskPath",
        "engine_name": "engineName",
        "eviction_requested": "evictionRequested",
        "failed_at": "failedAt",
        "hard_node_affinity": "hardNodeAffinity",
        "healthy_at": "healthyAt",
        "image": "image",
        "last_failed_at": "lastFailedAt",
        "last_healthy_at": "lastHealthyAt",
        "linked_clone_src_replica_name": "linkedCloneSrcReplicaName",
        "log_requested": "logRequested",
        "migration_engine_name": "migrationEngineName",
        "node_id": "nodeId",
        "rebuild_retry_count": "rebuildRetryCount",
        "revision_counter_disabled": "revisionCounterDisabled",
        "salvage_requested": "salvageRequested",
        "snapshot_max_count": "snapshotMaxCount",
        "snapshot_max_size": "snapshotMaxSize",
        "unmap_mark_disk_chain_removed_enabled": "unmapMarkDiskChainRemovedEnabled",
        "volume_name": "volumeName",
        "volume_size": "volumeSize",
    },
)
class ReplicaSpec:
    def __init__(
        self,
        *,
        active: typing.Optional[builtins.bool] = None,
        backing_image: typing.Optional[builtins.str] = None,
        data_directory_name: typing.Optional[builtins.str] = None,
        data_engine: typing.Optional["ReplicaSpecDataEngine"] = None,
        desire_state: typing.Optional[builtins.str] = None,
        disk_id: typing.Optional[builtins.str] = None,
        disk_path: typing.Optional[builtins.str] = None,
        engine_name: typing.Optional[builtins.str] = None,
        eviction_requested: typing.Optional[builtins.bool] = None,
        failed_at: typing.Optional[builtins.str] = None,
        hard_node_affinity: typing.Optional[builtins.str] = None,
        healthy_at: typing.Optional[builtins.str] = None,
        image: typing.Optional[builtins.str] = None,
        last_failed_at: typing.Optional[builtins.str] = None,
        last_healthy_at: typing.Optional[builtins.str] = None,
        linked_clone_src_replica_name: typing.Optional[builtins.str] = None,
        log_requested: typing.Optional[builtins.bool] = None,
        migration_engine_name: typing.Optional[builtins.str] = None,
        node_id: typing.Optional[builtins.str] = None,
        rebuild_retry_count: typing.Optional[jsii.Number] = None,
        revision_counter_disabled: typing.Optional[builtins.bool] = None,
        salvage_requested: typing.Optional[builtins.bool] = None,
        snapshot_max_count: typing.Optional[jsii.Number] = None,
        snapshot_max_size: typing.Optional[builtins.str] = None,
        unmap_mark_disk_chain_removed_enabled: typing.Optional[builtins.bool] = None,
        volume_name: typing.Optional[builtins.str] = None,
        volume_size: typing.Optional[builtins.str] = None,
    ) -> None:
        '''ReplicaSpec defines the desired state of the Longhorn replica.

        :param active: 
        :param backing_image: 
        :param data_directory_name: 
        :param data_engine: 
        :param desire_state: 
        :param disk_id: 
        :param disk_path: 
        :param engine_name: 
        :param eviction_requested: 
        :param failed_at: FailedAt is set when a running replica fails or when a running engine is unable to use a replica for any reason. FailedAt indicates the time the failure occurred. When FailedAt is set, a replica is likely to have useful (though possibly stale) data. A replica with FailedAt set must be rebuilt from a non-failed replica (or it can be used in a salvage if all replicas are failed). FailedAt is cleared before a rebuild or salvage. FailedAt may be later than the corresponding entry in an engine's replicaTransitionTimeMap because it is set when the volume controller acknowledges the change.
        :param hard_node_affinity: 
        :param healthy_at: HealthyAt is set the first time a replica becomes read/write in an engine after creation or rebuild. HealthyAt indicates the time the last successful rebuild occurred. When HealthyAt is set, a replica is likely to have useful (though possibly stale) data. HealthyAt is cleared before a rebuild. HealthyAt may be later than the corresponding entry in an engine's replicaTransitionTimeMap because it is set when the volume controller acknowledges the change.
        :param image: 
        :param last_failed_at: LastFailedAt is always set at the same time as FailedAt. Unlike FailedAt, LastFailedAt is never cleared. LastFailedAt is not a reliable indicator of the state of a replica's data. For example, a replica with LastFailedAt may already be healthy and in use again. However, because it is never cleared, it can be compared to LastHealthyAt to help prevent dangerous replica deletion in some corner cases. LastFailedAt may be later than the corresponding entry in an engine's replicaTransitionTimeMap because it is set when the volume controller acknowledges the change.
        :param last_healthy_at: LastHealthyAt is set every time a replica becomes read/write in an engine. Unlike HealthyAt, LastHealthyAt is never cleared. LastHealthyAt is not a reliable indicator of the state of a replica's data. For example, a replica with LastHealthyAt set may be in the middle of a rebuild. However, because it is never cleared, it can be compared to LastFailedAt to help prevent dangerous replica deletion in some corner cases. LastHealthyAt may be later than the corresponding entry in an engine's replicaTransitionTimeMap because it is set when the volume controller acknowledges the change.
        :param linked_clone_src_replica_name: LinkedCloneSrcReplicaName is the name of the src replica this clone replica is parented to. Immutable once set. Non-empty only for linked-clone replicas.
        :param log_requested: 
        :param migration_engine_name: MigrationEngineName is indicating the migrating engine which current connected to this replica. This is only used for live migration of v2 data engine
        :param node_id: 
        :param rebuild_retry_count: 
        :param revision_counter_disabled: 
        :param salvage_requested: 
        :param snapshot_max_count: 
        :param snapshot_max_size: 
        :param unmap_mark_disk_chain_removed_enabled: 
        :param volume_name: 
        :param volume_size: 

        :schema: ReplicaSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__236d4b1c90a05ecfeb0bbd5aafc8482cf1c51a59e5f3e19858e999c031bbd934)
            check_type(argname="argument active", value=active, expected_type=type_hints["active"])
            check_type(argname="argument backing_image", value=backing_image, expected_type=type_hints["backing_image"])
            check_type(argname="argument data_directory_name", value=data_directory_name, expected_type=type_hints["data_directory_name"])
            check_type(argname="argument data_engine", value=data_engine, expected_type=type_hints["data_engine"])
            check_type(argname="argument desire_state", value=desire_state, expected_type=type_hints["desire_state"])
            check_type(argname="argument disk_id", value=disk_id, expected_type=type_hints["disk_id"])
            check_type(argname="argument disk_path", value=disk_path, expected_type=type_hints["disk_path"])
            check_type(argname="argument engine_name", value=engine_name, expected_type=type_hints["engine_name"])
            check_type(argname="argument eviction_requested", value=eviction_requested, expected_type=type_hints["eviction_requested"])
            check_type(argname="argument failed_at", value=failed_at, expected_type=type_hints["failed_at"])
            check_type(argname="argument hard_node_affinity", value=hard_node_affinity, expected_type=type_hints["hard_node_affinity"])
            check_type(argname="argument healthy_at", value=healthy_at, expected_type=type_hints["healthy_at"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
            check_type(argname="argument last_failed_at", value=last_failed_at, expected_type=type_hints["last_failed_at"])
            check_type(argname="argument last_healthy_at", value=last_healthy_at, expected_type=type_hints["last_healthy_at"])
            check_type(argname="argument linked_clone_src_replica_name", value=linked_clone_src_replica_name, expected_type=type_hints["linked_clone_src_replica_name"])
            check_type(argname="argument log_requested", value=log_requested, expected_type=type_hints["log_requested"])
            check_type(argname="argument migration_engine_name", value=migration_engine_name, expected_type=type_hints["migration_engine_name"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument rebuild_retry_count", value=rebuild_retry_count, expected_type=type_hints["rebuild_retry_count"])
            check_type(argname="argument revision_counter_disabled", value=revision_counter_disabled, expected_type=type_hints["revision_counter_disabled"])
            check_type(argname="argument salvage_requested", value=salvage_requested, expected_type=type_hints["salvage_requested"])
            check_type(argname="argument snapshot_max_count", value=snapshot_max_count, expected_type=type_hints["snapshot_max_count"])
            check_type(argname="argument snapshot_max_size", value=snapshot_max_size, expected_type=type_hints["snapshot_max_size"])
            check_type(argname="argument unmap_mark_disk_chain_removed_enabled", value=unmap_mark_disk_chain_removed_enabled, expected_type=type_hints["unmap_mark_disk_chain_removed_enabled"])
            check_type(argname="argument volume_name", value=volume_name, expected_type=type_hints["volume_name"])
            check_type(argname="argument volume_size", value=volume_size, expected_type=type_hints["volume_size"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if active is not None:
            self._values["active"] = active
        if backing_image is not None:
            self._values["backing_image"] = backing_image
        if data_directory_name is not None:
            self._values["data_directory_name"] = data_directory_name
        if data_engine is not None:
            self._values["data_engine"] = data_engine
        if desire_state is not None:
            self._values["desire_state"] = desire_state
        if disk_id is not None:
            self._values["disk_id"] = disk_id
        if disk_path is not None:
            self._values["disk_path"] = disk_path
        if engine_name is not None:
            self._values["engine_name"] = engine_name
        if eviction_requested is not None:
            self._values["eviction_requested"] = eviction_requested
        if failed_at is not None:
            self._values["failed_at"] = failed_at
        if hard_node_affinity is not None:
            self._values["hard_node_affinity"] = hard_node_affinity
        if healthy_at is not None:
            self._values["healthy_at"] = healthy_at
        if image is not None:
            self._values["image"] = image
        if last_failed_at is not None:
            self._values["last_failed_at"] = last_failed_at
        if last_healthy_at is not None:
            self._values["last_healthy_at"] = last_healthy_at
        if linked_clone_src_replica_name is not None:
            self._values["linked_clone_src_replica_name"] = linked_clone_src_replica_name
        if log_requested is not None:
            self._values["log_requested"] = log_requested
        if migration_engine_name is not None:
            self._values["migration_engine_name"] = migration_engine_name
        if node_id is not None:
            self._values["node_id"] = node_id
        if rebuild_retry_count is not None:
            self._values["rebuild_retry_count"] = rebuild_retry_count
        if revision_counter_disabled is not None:
            self._values["revision_counter_disabled"] = revision_counter_disabled
        if salvage_requested is not None:
            self._values["salvage_requested"] = salvage_requested
        if snapshot_max_count is not None:
            self._values["snapshot_max_count"] = snapshot_max_count
        if snapshot_max_size is not None:
            self._values["snapshot_max_size"] = snapshot_max_size
        if unmap_mark_disk_chain_removed_enabled is not None:
            self._values["unmap_mark_disk_chain_removed_enabled"] = unmap_mark_disk_chain_removed_enabled
        if volume_name is not None:
            self._values["volume_name"] = volume_name
        if volume_size is not None:
            self._values["volume_size"] = volume_size

    @builtins.property
    def active(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ReplicaSpec#active
        '''
        result = self._values.get("active")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def backing_image(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#backingImage
        '''
        result = self._values.get("backing_image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def data_directory_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#dataDirectoryName
        '''
        result = self._values.get("data_directory_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def data_engine(self) -> typing.Optional["ReplicaSpecDataEngine"]:
        '''
        :schema: ReplicaSpec#dataEngine
        '''
        result = self._values.get("data_engine")
        return typing.cast(typing.Optional["ReplicaSpecDataEngine"], result)

    @builtins.property
    def desire_state(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#desireState
        '''
        result = self._values.get("desire_state")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disk_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#diskID
        '''
        result = self._values.get("disk_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disk_path(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#diskPath
        '''
        result = self._values.get("disk_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def engine_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#engineName
        '''
        result = self._values.get("engine_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def eviction_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ReplicaSpec#evictionRequested
        '''
        result = self._values.get("eviction_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def failed_at(self) -> typing.Optional[builtins.str]:
        '''FailedAt is set when a running replica fails or when a running engine is unable to use a replica for any reason.

        FailedAt indicates the time the failure occurred. When FailedAt is set, a replica is likely to have useful
        (though possibly stale) data. A replica with FailedAt set must be rebuilt from a non-failed replica (or it can
        be used in a salvage if all replicas are failed). FailedAt is cleared before a rebuild or salvage. FailedAt may
        be later than the corresponding entry in an engine's replicaTransitionTimeMap because it is set when the volume
        controller acknowledges the change.

        :schema: ReplicaSpec#failedAt
        '''
        result = self._values.get("failed_at")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def hard_node_affinity(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#hardNodeAffinity
        '''
        result = self._values.get("hard_node_affinity")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def healthy_at(self) -> typing.Optional[builtins.str]:
        '''HealthyAt is set the first time a replica becomes read/write in an engine after creation or rebuild.

        HealthyAt
        indicates the time the last successful rebuild occurred. When HealthyAt is set, a replica is likely to have
        useful (though possibly stale) data. HealthyAt is cleared before a rebuild. HealthyAt may be later than the
        corresponding entry in an engine's replicaTransitionTimeMap because it is set when the volume controller
        acknowledges the change.

        :schema: ReplicaSpec#healthyAt
        '''
        result = self._values.get("healthy_at")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def last_failed_at(self) -> typing.Optional[builtins.str]:
        '''LastFailedAt is always set at the same time as FailedAt.

        Unlike FailedAt, LastFailedAt is never cleared.
        LastFailedAt is not a reliable indicator of the state of a replica's data. For example, a replica with
        LastFailedAt may already be healthy and in use again. However, because it is never cleared, it can be compared to
        LastHealthyAt to help prevent dangerous replica deletion in some corner cases. LastFailedAt may be later than the
        corresponding entry in an engine's replicaTransitionTimeMap because it is set when the volume controller
        acknowledges the change.

        :schema: ReplicaSpec#lastFailedAt
        '''
        result = self._values.get("last_failed_at")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def last_healthy_at(self) -> typing.Optional[builtins.str]:
        '''LastHealthyAt is set every time a replica becomes read/write in an engine.

        Unlike HealthyAt, LastHealthyAt is
        never cleared. LastHealthyAt is not a reliable indicator of the state of a replica's data. For example, a
        replica with LastHealthyAt set may be in the middle of a rebuild. However, because it is never cleared, it can be
        compared to LastFailedAt to help prevent dangerous replica deletion in some corner cases. LastHealthyAt may be
        later than the corresponding entry in an engine's replicaTransitionTimeMap because it is set when the volume
        controller acknowledges the change.

        :schema: ReplicaSpec#lastHealthyAt
        '''
        result = self._values.get("last_healthy_at")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def linked_clone_src_replica_name(self) -> typing.Optional[builtins.str]:
        '''LinkedCloneSrcReplicaName is the name of the src replica this clone replica is parented to.

        Immutable once set. Non-empty only for linked-clone replicas.

        :schema: ReplicaSpec#linkedCloneSrcReplicaName
        '''
        result = self._values.get("linked_clone_src_replica_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def log_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ReplicaSpec#logRequested
        '''
        result = self._values.get("log_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def migration_engine_name(self) -> typing.Optional[builtins.str]:
        '''MigrationEngineName is indicating the migrating engine which current connected to this replica.

        This is only
        used for live migration of v2 data engine

        :schema: ReplicaSpec#migrationEngineName
        '''
        result = self._values.get("migration_engine_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def rebuild_retry_count(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ReplicaSpec#rebuildRetryCount
        '''
        result = self._values.get("rebuild_retry_count")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def revision_counter_disabled(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ReplicaSpec#revisionCounterDisabled
        '''
        result = self._values.get("revision_counter_disabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def salvage_requested(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ReplicaSpec#salvageRequested
        '''
        result = self._values.get("salvage_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def snapshot_max_count(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ReplicaSpec#snapshotMaxCount
        '''
        result = self._values.get("snapshot_max_count")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def snapshot_max_size(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#snapshotMaxSize
        '''
        result = self._values.get("snapshot_max_size")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def unmap_mark_disk_chain_removed_enabled(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ReplicaSpec#unmapMarkDiskChainRemovedEnabled
        '''
        result = self._values.get("unmap_mark_disk_chain_removed_enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def volume_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#volumeName
        '''
        result = self._values.get("volume_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def volume_size(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ReplicaSpec#volumeSize
        '''
        result = self._values.get("volume_size")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ReplicaSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.ReplicaSpecDataEngine")
class ReplicaSpecDataEngine(enum.Enum):
    '''
    :schema: ReplicaSpecDataEngine
    '''

    V1 = "V1"
    '''v1.'''
    V2 = "V2"
    '''v2.'''


class Setting(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Setting",
):
    '''Setting is where Longhorn stores setting object.

    :schema: Setting
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        value: builtins.str,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Setting" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param value: The value of the setting. - It can be a non-JSON formatted string that is applied to all the applicable data engines listed in the setting definition. - It can be a JSON formatted string that contains values for applicable data engines listed in the setting definition's Default.
        :param metadata: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__909ddd116ec06b17600f0acaab64f0fcabae349122abdd16977c23ff07a755b1)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = SettingProps(value=value, metadata=metadata)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        value: builtins.str,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Setting".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param value: The value of the setting. - It can be a non-JSON formatted string that is applied to all the applicable data engines listed in the setting definition. - It can be a JSON formatted string that contains values for applicable data engines listed in the setting definition's Default.
        :param metadata: 
        '''
        props = SettingProps(value=value, metadata=metadata)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Setting".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.SettingProps",
    jsii_struct_bases=[],
    name_mapping={"value": "value", "metadata": "metadata"},
)
class SettingProps:
    def __init__(
        self,
        *,
        value: builtins.str,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Setting is where Longhorn stores setting object.

        :param value: The value of the setting. - It can be a non-JSON formatted string that is applied to all the applicable data engines listed in the setting definition. - It can be a JSON formatted string that contains values for applicable data engines listed in the setting definition's Default.
        :param metadata: 

        :schema: Setting
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3f6a3889bf932fd18563b38698a1d3cd7a0e8261577d4af471e0e26ad30e02f3)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "value": value,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def value(self) -> builtins.str:
        '''The value of the setting.

        - It can be a non-JSON formatted string that is applied to all the applicable data engines listed in the setting definition.
        - It can be a JSON formatted string that contains values for applicable data engines listed in the setting definition's Default.

        :schema: Setting#value
        '''
        result = self._values.get("value")
        assert result is not None, "Required property 'value' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: Setting#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SettingProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class Shard(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Shard",
):
    '''Shard is where Longhorn stores Shard object.

    :schema: Shard
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShardSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Shard" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: ShardSpec defines the desired state of the Longhorn Shard.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e4bb5a84c70228ce3170d47fd0bd6155d9c7b826179a29aa8a7a665fd9fa1cc1)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ShardProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShardSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Shard".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: ShardSpec defines the desired state of the Longhorn Shard.
        '''
        props = ShardProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Shard".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


class ShardGroup(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.ShardGroup",
):
    '''ShardGroup is where Longhorn stores ShardGroup object.

    :schema: ShardGroup
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShardGroupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "ShardGroup" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: ShardGroupSpec defines the desired state of the Longhorn ShardGroup.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__486b1091f371fddee2e5d0513f8f364fe5b3f2f182c232289729d8234e88a6ab)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ShardGroupProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShardGroupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "ShardGroup".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: ShardGroupSpec defines the desired state of the Longhorn ShardGroup.
        '''
        props = ShardGroupProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "ShardGroup".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.ShardGroupProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class ShardGroupProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShardGroupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''ShardGroup is where Longhorn stores ShardGroup object.

        :param metadata: 
        :param spec: ShardGroupSpec defines the desired state of the Longhorn ShardGroup.

        :schema: ShardGroup
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = ShardGroupSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6bd9818aa26cdd56b79f857d7952e10f726199b17ad285f84c14cf37e6eb7f5c)
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
        :schema: ShardGroup#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["ShardGroupSpec"]:
        '''ShardGroupSpec defines the desired state of the Longhorn ShardGroup.

        :schema: ShardGroup#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["ShardGroupSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ShardGroupProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.ShardGroupSpec",
    jsii_struct_bases=[],
    name_mapping={
        "creation_size": "creationSize",
        "data_chunks": "dataChunks",
        "node_id": "nodeId",
        "parity_chunks": "parityChunks",
        "strip_size_kb": "stripSizeKb",
        "volume_name": "volumeName",
    },
)
class ShardGroupSpec:
    def __init__(
        self,
        *,
        creation_size: typing.Optional[jsii.Number] = None,
        data_chunks: typing.Optional[jsii.Number] = None,
        node_id: typing.Optional[builtins.str] = None,
        parity_chunks: typing.Optional[jsii.Number] = None,
        strip_size_kb: typing.Optional[jsii.Number] = None,
        volume_name: typing.Optional[builtins.str] = None,
    ) -> None:
        '''ShardGroupSpec defines the desired state of the Longhorn ShardGroup.

        :param creation_size: CreationSize is the volume size in bytes when the lvstore is first created. The lvstore metadata region is sized from it and never grows, so in-place expansion is limited to EcLvstoreMaxGrowthFactor (10x) of this size. Zero means the lvstore does not exist yet; the creation cap applies instead. Immutable once set.
        :param data_chunks: DataChunks is the k parameter of the EC array. Immutable after creation.
        :param node_id: NodeID identifies the node hosting the long-lived ShardGroup process that owns the EC volume's bdev_ec, lvol store, head lvol, and NVMe-oF export. It is typically equal to Engine.Spec.NodeID for engine-process co-location. The Volume controller is the sole writer and sets this field at first attach. NodeID is NOT cleared on volume detach (the ShardGroup process keeps running across detach to preserve the lvstore and head lvol on the encoded shard blocks for fast re-attach); it only changes on engine-node failover or volume deletion.
        :param parity_chunks: ParityChunks is the m parameter of the EC array. The ShardGroup tolerates up to m simultaneous shard failures. Immutable after creation.
        :param strip_size_kb: StripSizeKB is the EC chunk size in KiB. Must be a power of two in the range [4, 1024]. Immutable after creation.
        :param volume_name: VolumeName is the name of the owning Volume CR. Immutable after creation.

        :schema: ShardGroupSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b36a131b1d4a24cf168bfecf46a39d63ede9b9c265f18178f6f2672b3b235c94)
            check_type(argname="argument creation_size", value=creation_size, expected_type=type_hints["creation_size"])
            check_type(argname="argument data_chunks", value=data_chunks, expected_type=type_hints["data_chunks"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument parity_chunks", value=parity_chunks, expected_type=type_hints["parity_chunks"])
            check_type(argname="argument strip_size_kb", value=strip_size_kb, expected_type=type_hints["strip_size_kb"])
            check_type(argname="argument volume_name", value=volume_name, expected_type=type_hints["volume_name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if creation_size is not None:
            self._values["creation_size"] = creation_size
        if data_chunks is not None:
            self._values["data_chunks"] = data_chunks
        if node_id is not None:
            self._values["node_id"] = node_id
        if parity_chunks is not None:
            self._values["parity_chunks"] = parity_chunks
        if strip_size_kb is not None:
            self._values["strip_size_kb"] = strip_size_kb
        if volume_name is not None:
            self._values["volume_name"] = volume_name

    @builtins.property
    def creation_size(self) -> typing.Optional[jsii.Number]:
        '''CreationSize is the volume size in bytes when the lvstore is first created.

        The lvstore metadata region is sized from it and never grows,
        so in-place expansion is limited to EcLvstoreMaxGrowthFactor (10x) of
        this size. Zero means the lvstore does not exist yet; the creation cap
        applies instead. Immutable once set.

        :schema: ShardGroupSpec#creationSize
        '''
        result = self._values.get("creation_size")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def data_chunks(self) -> typing.Optional[jsii.Number]:
        '''DataChunks is the k parameter of the EC array.

        Immutable after creation.

        :schema: ShardGroupSpec#dataChunks
        '''
        result = self._values.get("data_chunks")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''NodeID identifies the node hosting the long-lived ShardGroup process that owns the EC volume's bdev_ec, lvol store, head lvol, and NVMe-oF export.

        It is typically equal
        to Engine.Spec.NodeID for engine-process co-location. The Volume controller is the
        sole writer and sets this field at first attach. NodeID is NOT cleared on volume
        detach (the ShardGroup process keeps running across detach to preserve the lvstore
        and head lvol on the encoded shard blocks for fast re-attach); it only changes on
        engine-node failover or volume deletion.

        :schema: ShardGroupSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def parity_chunks(self) -> typing.Optional[jsii.Number]:
        '''ParityChunks is the m parameter of the EC array.

        The ShardGroup tolerates up to m
        simultaneous shard failures. Immutable after creation.

        :schema: ShardGroupSpec#parityChunks
        '''
        result = self._values.get("parity_chunks")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def strip_size_kb(self) -> typing.Optional[jsii.Number]:
        '''StripSizeKB is the EC chunk size in KiB.

        Must be a power of two in the range [4, 1024].
        Immutable after creation.

        :schema: ShardGroupSpec#stripSizeKB
        '''
        result = self._values.get("strip_size_kb")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def volume_name(self) -> typing.Optional[builtins.str]:
        '''VolumeName is the name of the owning Volume CR.

        Immutable after creation.

        :schema: ShardGroupSpec#volumeName
        '''
        result = self._values.get("volume_name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ShardGroupSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.ShardProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class ShardProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShardSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Shard is where Longhorn stores Shard object.

        :param metadata: 
        :param spec: ShardSpec defines the desired state of the Longhorn Shard.

        :schema: Shard
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = ShardSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5839dfb3ed568563fb0290055d833a09089ef639e4e01fdd6190f26005551691)
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
        :schema: Shard#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["ShardSpec"]:
        '''ShardSpec defines the desired state of the Longhorn Shard.

        :schema: Shard#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["ShardSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ShardProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.ShardSpec",
    jsii_struct_bases=[],
    name_mapping={
        "disk_path": "diskPath",
        "disk_uuid": "diskUuid",
        "eviction_requested": "evictionRequested",
        "node_id": "nodeId",
        "shard_group_name": "shardGroupName",
        "size": "size",
        "slot_index": "slotIndex",
    },
)
class ShardSpec:
    def __init__(
        self,
        *,
        disk_path: typing.Optional[builtins.str] = None,
        disk_uuid: typing.Optional[builtins.str] = None,
        eviction_requested: typing.Optional[builtins.bool] = None,
        node_id: typing.Optional[builtins.str] = None,
        shard_group_name: typing.Optional[builtins.str] = None,
        size: typing.Optional[builtins.str] = None,
        slot_index: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''ShardSpec defines the desired state of the Longhorn Shard.

        :param disk_path: DiskPath is the path of the disk that hosts the shard lvol.
        :param disk_uuid: DiskUUID is the UUID of the disk that hosts the shard lvol.
        :param eviction_requested: EvictionRequested indicates this shard should be relocated to a different node or disk. Set by the node controller when the shard's node is being drained or its disk is evicted.
        :param node_id: NodeID is the node where this shard's lvol resides and its NVMe-oF target runs.
        :param shard_group_name: ShardGroupName is the name of the owning ShardGroup CR. Immutable after creation.
        :param size: Size is the shard lvol size in bytes. Set by the ShardGroup controller at creation time and used for idempotent reconciliation.
        :param slot_index: SlotIndex is the zero-based position of this shard in the EC base-bdev array. Determines the shard's role: indices 0..k-1 are DATA, k..k+m-1 are PARITY. Immutable after creation.

        :schema: ShardSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__945a524d5a13f471d76dc2b23e3483cc69f3e2720190f6d641a4548dbedd1cc7)
            check_type(argname="argument disk_path", value=disk_path, expected_type=type_hints["disk_path"])
            check_type(argname="argument disk_uuid", value=disk_uuid, expected_type=type_hints["disk_uuid"])
            check_type(argname="argument eviction_requested", value=eviction_requested, expected_type=type_hints["eviction_requested"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument shard_group_name", value=shard_group_name, expected_type=type_hints["shard_group_name"])
            check_type(argname="argument size", value=size, expected_type=type_hints["size"])
            check_type(argname="argument slot_index", value=slot_index, expected_type=type_hints["slot_index"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if disk_path is not None:
            self._values["disk_path"] = disk_path
        if disk_uuid is not None:
            self._values["disk_uuid"] = disk_uuid
        if eviction_requested is not None:
            self._values["eviction_requested"] = eviction_requested
        if node_id is not None:
            self._values["node_id"] = node_id
        if shard_group_name is not None:
            self._values["shard_group_name"] = shard_group_name
        if size is not None:
            self._values["size"] = size
        if slot_index is not None:
            self._values["slot_index"] = slot_index

    @builtins.property
    def disk_path(self) -> typing.Optional[builtins.str]:
        '''DiskPath is the path of the disk that hosts the shard lvol.

        :schema: ShardSpec#diskPath
        '''
        result = self._values.get("disk_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disk_uuid(self) -> typing.Optional[builtins.str]:
        '''DiskUUID is the UUID of the disk that hosts the shard lvol.

        :schema: ShardSpec#diskUUID
        '''
        result = self._values.get("disk_uuid")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def eviction_requested(self) -> typing.Optional[builtins.bool]:
        '''EvictionRequested indicates this shard should be relocated to a different node or disk.

        Set by the node controller when the shard's node is being drained or its disk is evicted.

        :schema: ShardSpec#evictionRequested
        '''
        result = self._values.get("eviction_requested")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''NodeID is the node where this shard's lvol resides and its NVMe-oF target runs.

        :schema: ShardSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def shard_group_name(self) -> typing.Optional[builtins.str]:
        '''ShardGroupName is the name of the owning ShardGroup CR.

        Immutable after creation.

        :schema: ShardSpec#shardGroupName
        '''
        result = self._values.get("shard_group_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def size(self) -> typing.Optional[builtins.str]:
        '''Size is the shard lvol size in bytes.

        Set by the ShardGroup controller at creation time
        and used for idempotent reconciliation.

        :schema: ShardSpec#size
        '''
        result = self._values.get("size")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def slot_index(self) -> typing.Optional[jsii.Number]:
        '''SlotIndex is the zero-based position of this shard in the EC base-bdev array.

        Determines the shard's role: indices 0..k-1 are DATA, k..k+m-1 are PARITY.
        Immutable after creation.

        :schema: ShardSpec#slotIndex
        '''
        result = self._values.get("slot_index")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ShardSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class ShareManager(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.ShareManager",
):
    '''ShareManager is where Longhorn stores share manager object.

    :schema: ShareManager
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShareManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "ShareManager" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: ShareManagerSpec defines the desired state of the Longhorn share manager.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__495c6bcbe3f11f71b0ac017d4f6b9ca08455405cf4358b6c9d789f71654c1660)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ShareManagerProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShareManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "ShareManager".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: ShareManagerSpec defines the desired state of the Longhorn share manager.
        '''
        props = ShareManagerProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "ShareManager".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.ShareManagerProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class ShareManagerProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ShareManagerSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''ShareManager is where Longhorn stores share manager object.

        :param metadata: 
        :param spec: ShareManagerSpec defines the desired state of the Longhorn share manager.

        :schema: ShareManager
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = ShareManagerSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__258b699c56b6bec2cb17fc5e477945bf5a9d1357ca1053716f39ae7c3caae9ec)
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
        :schema: ShareManager#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["ShareManagerSpec"]:
        '''ShareManagerSpec defines the desired state of the Longhorn share manager.

        :schema: ShareManager#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["ShareManagerSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ShareManagerProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.ShareManagerSpec",
    jsii_struct_bases=[],
    name_mapping={"image": "image"},
)
class ShareManagerSpec:
    def __init__(self, *, image: typing.Optional[builtins.str] = None) -> None:
        '''ShareManagerSpec defines the desired state of the Longhorn share manager.

        :param image: Share manager image used for creating a share manager pod.

        :schema: ShareManagerSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e7f8a8b446d18d112e5a81d50ca8ebd659525678743bae90226dfabfdb27146e)
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if image is not None:
            self._values["image"] = image

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''Share manager image used for creating a share manager pod.

        :schema: ShareManagerSpec#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ShareManagerSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class Snapshot(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Snapshot",
):
    '''Snapshot is the Schema for the snapshots API.

    :schema: Snapshot
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SnapshotSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Snapshot" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: SnapshotSpec defines the desired state of Longhorn Snapshot.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a91aea3e119e95f607fe0cb0b2145ab4e43505d72729f787fafb91a8c9d5c769)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = SnapshotProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SnapshotSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Snapshot".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: SnapshotSpec defines the desired state of Longhorn Snapshot.
        '''
        props = SnapshotProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Snapshot".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.SnapshotProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class SnapshotProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SnapshotSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Snapshot is the Schema for the snapshots API.

        :param metadata: 
        :param spec: SnapshotSpec defines the desired state of Longhorn Snapshot.

        :schema: Snapshot
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = SnapshotSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__125e6179adf12ed9bbf12a7674e6818773bced8b42486e0f02f7f0ef9c4cbd4c)
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
        :schema: Snapshot#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["SnapshotSpec"]:
        '''SnapshotSpec defines the desired state of Longhorn Snapshot.

        :schema: Snapshot#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["SnapshotSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SnapshotProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.SnapshotSpec",
    jsii_struct_bases=[],
    name_mapping={
        "volume": "volume",
        "create_snapshot": "createSnapshot",
        "labels": "labels",
    },
)
class SnapshotSpec:
    def __init__(
        self,
        *,
        volume: builtins.str,
        create_snapshot: typing.Optional[builtins.bool] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''SnapshotSpec defines the desired state of Longhorn Snapshot.

        :param volume: the volume that this snapshot belongs to. This field is immutable after creation.
        :param create_snapshot: require creating a new snapshot.
        :param labels: The labels of snapshot.

        :schema: SnapshotSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f162715a585d6414fc93f1bbab0475aa0d8c16d59e26b1a39e9c02040f085a14)
            check_type(argname="argument volume", value=volume, expected_type=type_hints["volume"])
            check_type(argname="argument create_snapshot", value=create_snapshot, expected_type=type_hints["create_snapshot"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "volume": volume,
        }
        if create_snapshot is not None:
            self._values["create_snapshot"] = create_snapshot
        if labels is not None:
            self._values["labels"] = labels

    @builtins.property
    def volume(self) -> builtins.str:
        '''the volume that this snapshot belongs to.

        This field is immutable after creation.

        :schema: SnapshotSpec#volume
        '''
        result = self._values.get("volume")
        assert result is not None, "Required property 'volume' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def create_snapshot(self) -> typing.Optional[builtins.bool]:
        '''require creating a new snapshot.

        :schema: SnapshotSpec#createSnapshot
        '''
        result = self._values.get("create_snapshot")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''The labels of snapshot.

        :schema: SnapshotSpec#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SnapshotSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class SupportBundle(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.SupportBundle",
):
    '''SupportBundle is where Longhorn stores support bundle object.

    :schema: SupportBundle
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SupportBundleSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "SupportBundle" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: SupportBundleSpec defines the desired state of the Longhorn SupportBundle.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2c6134d252895c9743bdd45e353789cd2d47a406003e1b7824790bc3d7a60561)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = SupportBundleProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SupportBundleSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "SupportBundle".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: SupportBundleSpec defines the desired state of the Longhorn SupportBundle.
        '''
        props = SupportBundleProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "SupportBundle".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.SupportBundleProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class SupportBundleProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SupportBundleSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''SupportBundle is where Longhorn stores support bundle object.

        :param metadata: 
        :param spec: SupportBundleSpec defines the desired state of the Longhorn SupportBundle.

        :schema: SupportBundle
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = SupportBundleSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fa8d46ed17a75d9275609cf7f66639bc2099f912a644e70fb3ed5572e191c73b)
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
        :schema: SupportBundle#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["SupportBundleSpec"]:
        '''SupportBundleSpec defines the desired state of the Longhorn SupportBundle.

        :schema: SupportBundle#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["SupportBundleSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SupportBundleProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.SupportBundleSpec",
    jsii_struct_bases=[],
    name_mapping={
        "description": "description",
        "issue_url": "issueUrl",
        "node_id": "nodeId",
    },
)
class SupportBundleSpec:
    def __init__(
        self,
        *,
        description: builtins.str,
        issue_url: typing.Optional[builtins.str] = None,
        node_id: typing.Optional[builtins.str] = None,
    ) -> None:
        '''SupportBundleSpec defines the desired state of the Longhorn SupportBundle.

        :param description: A brief description of the issue.
        :param issue_url: The issue URL.
        :param node_id: The preferred responsible controller node ID.

        :schema: SupportBundleSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9f0417041f3ad2311a419826914ec113f5a80d01f53920abfd3b790f657598fd)
            check_type(argname="argument description", value=description, expected_type=type_hints["description"])
            check_type(argname="argument issue_url", value=issue_url, expected_type=type_hints["issue_url"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "description": description,
        }
        if issue_url is not None:
            self._values["issue_url"] = issue_url
        if node_id is not None:
            self._values["node_id"] = node_id

    @builtins.property
    def description(self) -> builtins.str:
        '''A brief description of the issue.

        :schema: SupportBundleSpec#description
        '''
        result = self._values.get("description")
        assert result is not None, "Required property 'description' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def issue_url(self) -> typing.Optional[builtins.str]:
        '''The issue URL.

        :schema: SupportBundleSpec#issueURL
        '''
        result = self._values.get("issue_url")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''The preferred responsible controller node ID.

        :schema: SupportBundleSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SupportBundleSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class SystemBackup(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.SystemBackup",
):
    '''SystemBackup is where Longhorn stores system backup object.

    :schema: SystemBackup
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SystemBackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "SystemBackup" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: SystemBackupSpec defines the desired state of the Longhorn SystemBackup.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6185909bd3c401e912bc3503607bde883b160deb5497c63e13650979bc72493d)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = SystemBackupProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SystemBackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "SystemBackup".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: SystemBackupSpec defines the desired state of the Longhorn SystemBackup.
        '''
        props = SystemBackupProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "SystemBackup".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.SystemBackupProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class SystemBackupProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SystemBackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''SystemBackup is where Longhorn stores system backup object.

        :param metadata: 
        :param spec: SystemBackupSpec defines the desired state of the Longhorn SystemBackup.

        :schema: SystemBackup
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = SystemBackupSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e9388571476878e0d7f0abb75fd186a95b36b6abb7955b6d2e274d746f032c5c)
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
        :schema: SystemBackup#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["SystemBackupSpec"]:
        '''SystemBackupSpec defines the desired state of the Longhorn SystemBackup.

        :schema: SystemBackup#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["SystemBackupSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SystemBackupProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.SystemBackupSpec",
    jsii_struct_bases=[],
    name_mapping={"volume_backup_policy": "volumeBackupPolicy"},
)
class SystemBackupSpec:
    def __init__(
        self,
        *,
        volume_backup_policy: typing.Optional[builtins.str] = None,
    ) -> None:
        '''SystemBackupSpec defines the desired state of the Longhorn SystemBackup.

        :param volume_backup_policy: The create volume backup policy Can be "if-not-present", "always" or "disabled".

        :schema: SystemBackupSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__facfe782a25353107d3a55fd1d141a59dfd74db1c09813cbfbcbe7da48ca460e)
            check_type(argname="argument volume_backup_policy", value=volume_backup_policy, expected_type=type_hints["volume_backup_policy"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if volume_backup_policy is not None:
            self._values["volume_backup_policy"] = volume_backup_policy

    @builtins.property
    def volume_backup_policy(self) -> typing.Optional[builtins.str]:
        '''The create volume backup policy Can be "if-not-present", "always" or "disabled".

        :schema: SystemBackupSpec#volumeBackupPolicy
        '''
        result = self._values.get("volume_backup_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SystemBackupSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class SystemRestore(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.SystemRestore",
):
    '''SystemRestore is where Longhorn stores system restore object.

    :schema: SystemRestore
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SystemRestoreSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "SystemRestore" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: SystemRestoreSpec defines the desired state of the Longhorn SystemRestore.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7817366e016da5deafe6e218f3632906da96b5ff2cfbd70f711d9ccce8ea5ba5)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = SystemRestoreProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SystemRestoreSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "SystemRestore".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: SystemRestoreSpec defines the desired state of the Longhorn SystemRestore.
        '''
        props = SystemRestoreProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "SystemRestore".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.SystemRestoreProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class SystemRestoreProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["SystemRestoreSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''SystemRestore is where Longhorn stores system restore object.

        :param metadata: 
        :param spec: SystemRestoreSpec defines the desired state of the Longhorn SystemRestore.

        :schema: SystemRestore
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = SystemRestoreSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f7e9b99758ef0d6f0b896db4ed0341bb7d48535588d8c834c66c640574cc9c73)
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
        :schema: SystemRestore#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["SystemRestoreSpec"]:
        '''SystemRestoreSpec defines the desired state of the Longhorn SystemRestore.

        :schema: SystemRestore#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["SystemRestoreSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SystemRestoreProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.SystemRestoreSpec",
    jsii_struct_bases=[],
    name_mapping={"system_backup": "systemBackup"},
)
class SystemRestoreSpec:
    def __init__(self, *, system_backup: builtins.str) -> None:
        '''SystemRestoreSpec defines the desired state of the Longhorn SystemRestore.

        :param system_backup: The system backup name in the object store.

        :schema: SystemRestoreSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__65437ab6a187a396964be42decde481cd537446262c11e66bfc3803bc0308453)
            check_type(argname="argument system_backup", value=system_backup, expected_type=type_hints["system_backup"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "system_backup": system_backup,
        }

    @builtins.property
    def system_backup(self) -> builtins.str:
        '''The system backup name in the object store.

        :schema: SystemRestoreSpec#systemBackup
        '''
        result = self._values.get("system_backup")
        assert result is not None, "Required property 'system_backup' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "SystemRestoreSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class Volume(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.Volume",
):
    '''Volume is where Longhorn stores volume object.

    :schema: Volume
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VolumeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Volume" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: VolumeSpec defines the desired state of the Longhorn volume.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7eb6558fbabfca489634b1ea8e11792153425cb946301ee4b4856558683a7e17)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = VolumeProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VolumeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Volume".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: VolumeSpec defines the desired state of the Longhorn volume.
        '''
        props = VolumeProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Volume".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


class VolumeAttachment(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="iolonghorn.VolumeAttachment",
):
    '''VolumeAttachment stores attachment information of a Longhorn volume.

    :schema: VolumeAttachment
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VolumeAttachmentSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "VolumeAttachment" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: VolumeAttachmentSpec defines the desired state of Longhorn VolumeAttachment.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fd5f6f4f0c7e951faeb8491aa7c452e597782c334d39911270204240b1519725)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = VolumeAttachmentProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VolumeAttachmentSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "VolumeAttachment".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: VolumeAttachmentSpec defines the desired state of Longhorn VolumeAttachment.
        '''
        props = VolumeAttachmentProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "VolumeAttachment".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="iolonghorn.VolumeAttachmentProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class VolumeAttachmentProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VolumeAttachmentSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''VolumeAttachment stores attachment information of a Longhorn volume.

        :param metadata: 
        :param spec: VolumeAttachmentSpec defines the desired state of Longhorn VolumeAttachment.

        :schema: VolumeAttachment
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = VolumeAttachmentSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cf88bbec3a2f2441888d53d8cd7fec14b7952b420e232f9e579ce1abd3abadbf)
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
        :schema: VolumeAttachment#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["VolumeAttachmentSpec"]:
        '''VolumeAttachmentSpec defines the desired state of Longhorn VolumeAttachment.

        :schema: VolumeAttachment#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["VolumeAttachmentSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VolumeAttachmentProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.VolumeAttachmentSpec",
    jsii_struct_bases=[],
    name_mapping={"volume": "volume", "attachment_tickets": "attachmentTickets"},
)
class VolumeAttachmentSpec:
    def __init__(
        self,
        *,
        volume: builtins.str,
        attachment_tickets: typing.Optional[typing.Mapping[builtins.str, typing.Union["VolumeAttachmentSpecAttachmentTickets", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''VolumeAttachmentSpec defines the desired state of Longhorn VolumeAttachment.

        :param volume: The name of Longhorn volume of this VolumeAttachment.
        :param attachment_tickets: 

        :schema: VolumeAttachmentSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__43c324bfab086fdc2db2f35e64038b6e65b8894ed56373371fd44e7e0ead0cf8)
            check_type(argname="argument volume", value=volume, expected_type=type_hints["volume"])
            check_type(argname="argument attachment_tickets", value=attachment_tickets, expected_type=type_hints["attachment_tickets"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "volume": volume,
        }
        if attachment_tickets is not None:
            self._values["attachment_tickets"] = attachment_tickets

    @builtins.property
    def volume(self) -> builtins.str:
        '''The name of Longhorn volume of this VolumeAttachment.

        :schema: VolumeAttachmentSpec#volume
        '''
        result = self._values.get("volume")
        assert result is not None, "Required property 'volume' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def attachment_tickets(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, "VolumeAttachmentSpecAttachmentTickets"]]:
        '''
        :schema: VolumeAttachmentSpec#attachmentTickets
        '''
        result = self._values.get("attachment_tickets")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, "VolumeAttachmentSpecAttachmentTickets"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VolumeAttachmentSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.VolumeAttachmentSpecAttachmentTickets",
    jsii_struct_bases=[],
    name_mapping={
        "generation": "generation",
        "id": "id",
        "node_id": "nodeId",
        "parameters": "parameters",
        "type": "type",
    },
)
class VolumeAttachmentSpecAttachmentTickets:
    def __init__(
        self,
        *,
        generation: typing.Optional[jsii.Number] = None,
        id: typing.Optional[builtins.str] = None,
        node_id: typing.Optional[builtins.str] = None,
        parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        type: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param generation: A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.
        :param id: The unique ID of this attachment. Used to differentiate different attachments of the same volume.
        :param node_id: The node that this attachment is requesting.
        :param parameters: Optional additional parameter for this attachment.
        :param type: 

        :schema: VolumeAttachmentSpecAttachmentTickets
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9095a8a6ef96e9383611a1dde3248d426570a6e5cbb743c0f142a84029861fa9)
            check_type(argname="argument generation", value=generation, expected_type=type_hints["generation"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument parameters", value=parameters, expected_type=type_hints["parameters"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if generation is not None:
            self._values["generation"] = generation
        if id is not None:
            self._values["id"] = id
        if node_id is not None:
            self._values["node_id"] = node_id
        if parameters is not None:
            self._values["parameters"] = parameters
        if type is not None:
            self._values["type"] = type

    @builtins.property
    def generation(self) -> typing.Optional[jsii.Number]:
        '''A sequence number representing a specific generation of the desired state.

        Populated by the system. Read-only.

        :schema: VolumeAttachmentSpecAttachmentTickets#generation
        '''
        result = self._values.get("generation")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def id(self) -> typing.Optional[builtins.str]:
        '''The unique ID of this attachment.

        Used to differentiate different attachments of the same volume.

        :schema: VolumeAttachmentSpecAttachmentTickets#id
        '''
        result = self._values.get("id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''The node that this attachment is requesting.

        :schema: VolumeAttachmentSpecAttachmentTickets#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def parameters(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Optional additional parameter for this attachment.

        :schema: VolumeAttachmentSpecAttachmentTickets#parameters
        '''
        result = self._values.get("parameters")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def type(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeAttachmentSpecAttachmentTickets#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VolumeAttachmentSpecAttachmentTickets(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.VolumeProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class VolumeProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VolumeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Volume is where Longhorn stores volume object.

        :param metadata: 
        :param spec: VolumeSpec defines the desired state of the Longhorn volume.

        :schema: Volume
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = VolumeSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3b13249db782e9c5f932a827e4a82d6461b753dcfb5ee587ec92c26bba86f94b)
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
        :schema: Volume#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["VolumeSpec"]:
        '''VolumeSpec defines the desired state of the Longhorn volume.

        :schema: Volume#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["VolumeSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VolumeProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="iolonghorn.VolumeSpec",
    jsii_struct_bases=[],
    name_mapping={
        "access_mode": "accessMode",
        "backing_image": "backingImage",
        "backup_block_size": "backupBlockSize",
        "backup_compression_method": "backupCompressionMethod",
        "backup_target_name": "backupTargetName",
        "clone_mode": "cloneMode",
        "data_engine": "dataEngine",
        "data_layout": "dataLayout",
        "data_locality": "dataLocality",
        "data_source": "dataSource",
        "disable_frontend": "disableFrontend",
        "disk_selector": "diskSelector",
        "encrypted": "encrypted",
        "engine_node_id": "engineNodeId",
        "freeze_filesystem_for_snapshot": "freezeFilesystemForSnapshot",
        "from_backup": "fromBackup",
        "frontend": "frontend",
        "image": "image",
        "last_attached_by": "lastAttachedBy",
        "migratable": "migratable",
        "migration_node_id": "migrationNodeId",
        "node_id": "nodeId",
        "node_selector": "nodeSelector",
        "number_of_replicas": "numberOfReplicas",
        "offline_rebuilding": "offlineRebuilding",
        "rebuild_concurrent_sync_limit": "rebuildConcurrentSyncLimit",
        "replica_auto_balance": "replicaAutoBalance",
        "replica_disk_soft_anti_affinity": "replicaDiskSoftAntiAffinity",
        "replica_rebuilding_bandwidth_limit": "replicaRebuildingBandwidthLimit",
        "replica_soft_anti_affinity": "replicaSoftAntiAffinity",
        "replica_zone_soft_anti_affinity": "replicaZoneSoftAntiAffinity",
        "restore_volume_recurring_job": "restoreVolumeRecurringJob",
        "revision_counter_disabled": "revisionCounterDisabled",
        "size": "size",
        "snapshot_data_integrity": "snapshotDataIntegrity",
        "snapshot_hashing_requested_at": "snapshotHashingRequestedAt",
        "snapshot_max_count": "snapshotMaxCount",
        "snapshot_max_size": "snapshotMaxSize",
        "stale_replica_timeout": "staleReplicaTimeout",
        "standby": "standby",
        "ublk_number_of_queue": "ublkNumberOfQueue",
        "ublk_queue_depth": "ublkQueueDepth",
        "unmap_mark_snap_chain_removed": "unmapMarkSnapChainRemoved",
    },
)
class VolumeSpec:
    def __init__(
        self,
        *,
        access_mode: typing.Optional["VolumeSpecAccessMode"] = None,
        backing_image: typing.Optional[builtins.str] = None,
        backup_block_size: typing.Optional["VolumeSpecBackupBlockSize"] = None,
        backup_compression_method: typing.Optional["VolumeSpecBackupCompressionMethod"] = None,
        backup_target_name: typing.Optional[builtins.str] = None,
        clone_mode: typing.Optional["VolumeSpecCloneMode"] = None,
        data_engine: typing.Optional["VolumeSpecDataEngine"] = None,
        data_layout: typing.Optional[typing.Union["VolumeSpecDataLayout", typing.Dict[builtins.str, typing.Any]]] = None,
        data_locality: typing.Optional["VolumeSpecDataLocality"] = None,
        data_source: typing.Optional[builtins.str] = None,
        disable_frontend: typing.Optional[builtins.bool] = None,
        disk_selector: typing.Optional[typing.Sequence[builtins.str]] = None,
        encrypted: typing.Optional[builtins.bool] = None,
        engine_node_id: typing.Optional[builtins.str] = None,
        freeze_filesystem_for_snapshot: typing.Optional["VolumeSpecFreezeFilesystemForSnapshot"] = None,
        from_backup: typing.Optional[builtins.str] = None,
        frontend: typing.Optional["VolumeSpecFrontend"] = None,
        image: typing.Optional[builtins.str] = None,
        last_attached_by: typing.Optional[builtins.str] = None,
        migratable: typing.Optional[builtins.bool] = None,
        migration_node_id: typing.Optional[builtins.str] = None,
        node_id: typing.Optional[builtins.str] = None,
        node_selector: typing.Optional[typing.Sequence[builtins.str]] = None,
        number_of_replicas: typing.Optional[jsii.Number] = None,
        offline_rebuilding: typing.Optional["VolumeSpecOfflineRebuilding"] = None,
        rebuild_concurrent_sync_limit: typing.Optional[jsii.Number] = None,
        replica_auto_balance: typing.Optional["VolumeSpecReplicaAutoBalance"] = None,
        replica_disk_soft_anti_affinity: typing.Optional["VolumeSpecReplicaDiskSoftAntiAffinity"] = None,
        replica_rebuilding_bandwidth_limit: typing.Optional[jsii.Number] = None,
        replica_soft_anti_affinity: typing.Optional["VolumeSpecReplicaSoftAntiAffinity"] = None,
        replica_zone_soft_anti_affinity: typing.Optional["VolumeSpecReplicaZoneSoftAntiAffinity"] = None,
        restore_volume_recurring_job: typing.Optional["VolumeSpecRestoreVolumeRecurringJob"] = None,
        revision_counter_disabled: typing.Optional[builtins.bool] = None,
        size: typing.Optional[builtins.str] = None,
        snapshot_data_integrity: typing.Optional["VolumeSpecSnapshotDataIntegrity"] = None,
        snapshot_hashing_requested_at: typing.Optional[builtins.str] = None,
        snapshot_max_count: typing.Optional[jsii.Number] = None,
        snapshot_max_size: typing.Optional[builtins.str] = None,
        stale_replica_timeout: typing.Optional[jsii.Number] = None,
        standby: typing.Optional[builtins.bool] = None,
        ublk_number_of_queue: typing.Optional[jsii.Number] = None,
        ublk_queue_depth: typing.Optional[jsii.Number] = None,
        unmap_mark_snap_chain_removed: typing.Optional["VolumeSpecUnmapMarkSnapChainRemoved"] = None,
    ) -> None:
        '''VolumeSpec defines the desired state of the Longhorn volume.

        :param access_mode: 
        :param backing_image: 
        :param backup_block_size: BackupBlockSize indicate the block size to create backups. The block size is immutable.
        :param backup_compression_method: 
        :param backup_target_name: The backup target name that the volume will be backed up to or is synced.
        :param clone_mode: 
        :param data_engine: 
        :param data_layout: DataLayout declares the user's intended data layout (topology type, protection mode, and EC parameters). The entire struct is immutable after creation.
        :param data_locality: 
        :param data_source: 
        :param disable_frontend: 
        :param disk_selector: 
        :param encrypted: 
        :param engine_node_id: engineNodeID defines the node where the backend engine (target) runs. If empty, falls back to NodeID.
        :param freeze_filesystem_for_snapshot: Setting that freezes the filesystem on the root partition before a snapshot is created.
        :param from_backup: 
        :param frontend: 
        :param image: 
        :param last_attached_by: 
        :param migratable: 
        :param migration_node_id: 
        :param node_id: nodeID defines the node where the volume is attached (where the frontend initiator runs).
        :param node_selector: 
        :param number_of_replicas: 
        :param offline_rebuilding: Specifies whether Longhorn should rebuild replicas while the detached volume is degraded. - ignored: Use the global setting for offline replica rebuilding. - enabled: Enable offline rebuilding for this volume, regardless of the global setting. - disabled: Disable offline rebuilding for this volume, regardless of the global setting
        :param rebuild_concurrent_sync_limit: RebuildConcurrentSyncLimit controls the maximum number of file synchronization operations that can run concurrently during a single replica rebuild. When set to 0, it means following the global setting.
        :param replica_auto_balance: 
        :param replica_disk_soft_anti_affinity: Replica disk soft anti affinity of the volume. Set enabled to allow replicas to be scheduled in the same disk.
        :param replica_rebuilding_bandwidth_limit: ReplicaRebuildingBandwidthLimit controls the maximum write bandwidth (in megabytes per second) allowed on the destination replica during the rebuilding process. Set this value to 0 to disable bandwidth limiting.
        :param replica_soft_anti_affinity: Replica soft anti affinity of the volume. Set enabled to allow replicas to be scheduled on the same node.
        :param replica_zone_soft_anti_affinity: Replica zone soft anti affinity of the volume. Set enabled to allow replicas to be scheduled in the same zone.
        :param restore_volume_recurring_job: 
        :param revision_counter_disabled: 
        :param size: 
        :param snapshot_data_integrity: 
        :param snapshot_hashing_requested_at: SnapshotHashingRequestedAt is the RFC3339 timestamp (e.g., "2026-03-16T10:30:00Z") when an on-demand snapshot checksum calculation is requested. When this value is set and is later than LastOnDemandSnapshotHashingCompleteAt, the system will calculate checksums for all user snapshots. If SnapshotHashingRequestedAt differs from LastOnDemandSnapshotHashingCompleteAt, it indicates that a hashing request is still in progress, and a new request will be rejected.
        :param snapshot_max_count: 
        :param snapshot_max_size: 
        :param stale_replica_timeout: 
        :param standby: 
        :param ublk_number_of_queue: ublkNumberOfQueue controls the number of queues for ublk frontend.
        :param ublk_queue_depth: ublkQueueDepth controls the depth of each queue for ublk frontend.
        :param unmap_mark_snap_chain_removed: 

        :schema: VolumeSpec
        '''
        if isinstance(data_layout, dict):
            data_layout = VolumeSpecDataLayout(**data_layout)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d6fb0c4938d101276ef93089a381a70d6b71499d3636be7d99b112bc61d4faa5)
            check_type(argname="argument access_mode", value=access_mode, expected_type=type_hints["access_mode"])
            check_type(argname="argument backing_image", value=backing_image, expected_type=type_hints["backing_image"])
            check_type(argname="argument backup_block_size", value=backup_block_size, expected_type=type_hints["backup_block_size"])
            check_type(argname="argument backup_compression_method", value=backup_compression_method, expected_type=type_hints["backup_compression_method"])
            check_type(argname="argument backup_target_name", value=backup_target_name, expected_type=type_hints["backup_target_name"])
            check_type(argname="argument clone_mode", value=clone_mode, expected_type=type_hints["clone_mode"])
            check_type(argname="argument data_engine", value=data_engine, expected_type=type_hints["data_engine"])
            check_type(argname="argument data_layout", value=data_layout, expected_type=type_hints["data_layout"])
            check_type(argname="argument data_locality", value=data_locality, expected_type=type_hints["data_locality"])
            check_type(argname="argument data_source", value=data_source, expected_type=type_hints["data_source"])
            check_type(argname="argument disable_frontend", value=disable_frontend, expected_type=type_hints["disable_frontend"])
            check_type(argname="argument disk_selector", value=disk_selector, expected_type=type_hints["disk_selector"])
            check_type(argname="argument encrypted", value=encrypted, expected_type=type_hints["encrypted"])
            check_type(argname="argument engine_node_id", value=engine_node_id, expected_type=type_hints["engine_node_id"])
            check_type(argname="argument freeze_filesystem_for_snapshot", value=freeze_filesystem_for_snapshot, expected_type=type_hints["freeze_filesystem_for_snapshot"])
            check_type(argname="argument from_backup", value=from_backup, expected_type=type_hints["from_backup"])
            check_type(argname="argument frontend", value=frontend, expected_type=type_hints["frontend"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
            check_type(argname="argument last_attached_by", value=last_attached_by, expected_type=type_hints["last_attached_by"])
            check_type(argname="argument migratable", value=migratable, expected_type=type_hints["migratable"])
            check_type(argname="argument migration_node_id", value=migration_node_id, expected_type=type_hints["migration_node_id"])
            check_type(argname="argument node_id", value=node_id, expected_type=type_hints["node_id"])
            check_type(argname="argument node_selector", value=node_selector, expected_type=type_hints["node_selector"])
            check_type(argname="argument number_of_replicas", value=number_of_replicas, expected_type=type_hints["number_of_replicas"])
            check_type(argname="argument offline_rebuilding", value=offline_rebuilding, expected_type=type_hints["offline_rebuilding"])
            check_type(argname="argument rebuild_concurrent_sync_limit", value=rebuild_concurrent_sync_limit, expected_type=type_hints["rebuild_concurrent_sync_limit"])
            check_type(argname="argument replica_auto_balance", value=replica_auto_balance, expected_type=type_hints["replica_auto_balance"])
            check_type(argname="argument replica_disk_soft_anti_affinity", value=replica_disk_soft_anti_affinity, expected_type=type_hints["replica_disk_soft_anti_affinity"])
            check_type(argname="argument replica_rebuilding_bandwidth_limit", value=replica_rebuilding_bandwidth_limit, expected_type=type_hints["replica_rebuilding_bandwidth_limit"])
            check_type(argname="argument replica_soft_anti_affinity", value=replica_soft_anti_affinity, expected_type=type_hints["replica_soft_anti_affinity"])
            check_type(argname="argument replica_zone_soft_anti_affinity", value=replica_zone_soft_anti_affinity, expected_type=type_hints["replica_zone_soft_anti_affinity"])
            check_type(argname="argument restore_volume_recurring_job", value=restore_volume_recurring_job, expected_type=type_hints["restore_volume_recurring_job"])
            check_type(argname="argument revision_counter_disabled", value=revision_counter_disabled, expected_type=type_hints["revision_counter_disabled"])
            check_type(argname="argument size", value=size, expected_type=type_hints["size"])
            check_type(argname="argument snapshot_data_integrity", value=snapshot_data_integrity, expected_type=type_hints["snapshot_data_integrity"])
            check_type(argname="argument snapshot_hashing_requested_at", value=snapshot_hashing_requested_at, expected_type=type_hints["snapshot_hashing_requested_at"])
            check_type(argname="argument snapshot_max_count", value=snapshot_max_count, expected_type=type_hints["snapshot_max_count"])
            check_type(argname="argument snapshot_max_size", value=snapshot_max_size, expected_type=type_hints["snapshot_max_size"])
            check_type(argname="argument stale_replica_timeout", value=stale_replica_timeout, expected_type=type_hints["stale_replica_timeout"])
            check_type(argname="argument standby", value=standby, expected_type=type_hints["standby"])
            check_type(argname="argument ublk_number_of_queue", value=ublk_number_of_queue, expected_type=type_hints["ublk_number_of_queue"])
            check_type(argname="argument ublk_queue_depth", value=ublk_queue_depth, expected_type=type_hints["ublk_queue_depth"])
            check_type(argname="argument unmap_mark_snap_chain_removed", value=unmap_mark_snap_chain_removed, expected_type=type_hints["unmap_mark_snap_chain_removed"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if access_mode is not None:
            self._values["access_mode"] = access_mode
        if backing_image is not None:
            self._values["backing_image"] = backing_image
        if backup_block_size is not None:
            self._values["backup_block_size"] = backup_block_size
        if backup_compression_method is not None:
            self._values["backup_compression_method"] = backup_compression_method
        if backup_target_name is not None:
            self._values["backup_target_name"] = backup_target_name
        if clone_mode is not None:
            self._values["clone_mode"] = clone_mode
        if data_engine is not None:
            self._values["data_engine"] = data_engine
        if data_layout is not None:
            self._values["data_layout"] = data_layout
        if data_locality is not None:
            self._values["data_locality"] = data_locality
        if data_source is not None:
            self._values["data_source"] = data_source
        if disable_frontend is not None:
            self._values["disable_frontend"] = disable_frontend
        if disk_selector is not None:
            self._values["disk_selector"] = disk_selector
        if encrypted is not None:
            self._values["encrypted"] = encrypted
        if engine_node_id is not None:
            self._values["engine_node_id"] = engine_node_id
        if freeze_filesystem_for_snapshot is not None:
            self._values["freeze_filesystem_for_snapshot"] = freeze_filesystem_for_snapshot
        if from_backup is not None:
            self._values["from_backup"] = from_backup
        if frontend is not None:
            self._values["frontend"] = frontend
        if image is not None:
            self._values["image"] = image
        if last_attached_by is not None:
            self._values["last_attached_by"] = last_attached_by
        if migratable is not None:
            self._values["migratable"] = migratable
        if migration_node_id is not None:
            self._values["migration_node_id"] = migration_node_id
        if node_id is not None:
            self._values["node_id"] = node_id
        if node_selector is not None:
            self._values["node_selector"] = node_selector
        if number_of_replicas is not None:
            self._values["number_of_replicas"] = number_of_replicas
        if offline_rebuilding is not None:
            self._values["offline_rebuilding"] = offline_rebuilding
        if rebuild_concurrent_sync_limit is not None:
            self._values["rebuild_concurrent_sync_limit"] = rebuild_concurrent_sync_limit
        if replica_auto_balance is not None:
            self._values["replica_auto_balance"] = replica_auto_balance
        if replica_disk_soft_anti_affinity is not None:
            self._values["replica_disk_soft_anti_affinity"] = replica_disk_soft_anti_affinity
        if replica_rebuilding_bandwidth_limit is not None:
            self._values["replica_rebuilding_bandwidth_limit"] = replica_rebuilding_bandwidth_limit
        if replica_soft_anti_affinity is not None:
            self._values["replica_soft_anti_affinity"] = replica_soft_anti_affinity
        if replica_zone_soft_anti_affinity is not None:
            self._values["replica_zone_soft_anti_affinity"] = replica_zone_soft_anti_affinity
        if restore_volume_recurring_job is not None:
            self._values["restore_volume_recurring_job"] = restore_volume_recurring_job
        if revision_counter_disabled is not None:
            self._values["revision_counter_disabled"] = revision_counter_disabled
        if size is not None:
            self._values["size"] = size
        if snapshot_data_integrity is not None:
            self._values["snapshot_data_integrity"] = snapshot_data_integrity
        if snapshot_hashing_requested_at is not None:
            self._values["snapshot_hashing_requested_at"] = snapshot_hashing_requested_at
        if snapshot_max_count is not None:
            self._values["snapshot_max_count"] = snapshot_max_count
        if snapshot_max_size is not None:
            self._values["snapshot_max_size"] = snapshot_max_size
        if stale_replica_timeout is not None:
            self._values["stale_replica_timeout"] = stale_replica_timeout
        if standby is not None:
            self._values["standby"] = standby
        if ublk_number_of_queue is not None:
            self._values["ublk_number_of_queue"] = ublk_number_of_queue
        if ublk_queue_depth is not None:
            self._values["ublk_queue_depth"] = ublk_queue_depth
        if unmap_mark_snap_chain_removed is not None:
            self._values["unmap_mark_snap_chain_removed"] = unmap_mark_snap_chain_removed

    @builtins.property
    def access_mode(self) -> typing.Optional["VolumeSpecAccessMode"]:
        '''
        :schema: VolumeSpec#accessMode
        '''
        result = self._values.get("access_mode")
        return typing.cast(typing.Optional["VolumeSpecAccessMode"], result)

    @builtins.property
    def backing_image(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeSpec#backingImage
        '''
        result = self._values.get("backing_image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def backup_block_size(self) -> typing.Optional["VolumeSpecBackupBlockSize"]:
        '''BackupBlockSize indicate the block size to create backups.

        The block size is immutable.

        :schema: VolumeSpec#backupBlockSize
        '''
        result = self._values.get("backup_block_size")
        return typing.cast(typing.Optional["VolumeSpecBackupBlockSize"], result)

    @builtins.property
    def backup_compression_method(
        self,
    ) -> typing.Optional["VolumeSpecBackupCompressionMethod"]:
        '''
        :schema: VolumeSpec#backupCompressionMethod
        '''
        result = self._values.get("backup_compression_method")
        return typing.cast(typing.Optional["VolumeSpecBackupCompressionMethod"], result)

    @builtins.property
    def backup_target_name(self) -> typing.Optional[builtins.str]:
        '''The backup target name that the volume will be backed up to or is synced.

        :schema: VolumeSpec#backupTargetName
        '''
        result = self._values.get("backup_target_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def clone_mode(self) -> typing.Optional["VolumeSpecCloneMode"]:
        '''
        :schema: VolumeSpec#cloneMode
        '''
        result = self._values.get("clone_mode")
        return typing.cast(typing.Optional["VolumeSpecCloneMode"], result)

    @builtins.property
    def data_engine(self) -> typing.Optional["VolumeSpecDataEngine"]:
        '''
        :schema: VolumeSpec#dataEngine
        '''
        result = self._values.get("data_engine")
        return typing.cast(typing.Optional["VolumeSpecDataEngine"], result)

    @builtins.property
    def data_layout(self) -> typing.Optional["VolumeSpecDataLayout"]:
        '''DataLayout declares the user's intended data layout (topology type, protection mode, and EC parameters).

        The entire struct is immutable after creation.

        :schema: VolumeSpec#dataLayout
        '''
        result = self._values.get("data_layout")
        return typing.cast(typing.Optional["VolumeSpecDataLayout"], result)

    @builtins.property
    def data_locality(self) -> typing.Optional["VolumeSpecDataLocality"]:
        '''
        :schema: VolumeSpec#dataLocality
        '''
        result = self._values.get("data_locality")
        return typing.cast(typing.Optional["VolumeSpecDataLocality"], result)

    @builtins.property
    def data_source(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeSpec#dataSource
        '''
        result = self._values.get("data_source")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def disable_frontend(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: VolumeSpec#disableFrontend
        '''
        result = self._values.get("disable_frontend")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def disk_selector(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: VolumeSpec#diskSelector
        '''
        result = self._values.get("disk_selector")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def encrypted(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: VolumeSpec#encrypted
        '''
        result = self._values.get("encrypted")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def engine_node_id(self) -> typing.Optional[builtins.str]:
        '''engineNodeID defines the node where the backend engine (target) runs.

        If empty, falls back to NodeID.

        :schema: VolumeSpec#engineNodeID
        '''
        result = self._values.get("engine_node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def freeze_filesystem_for_snapshot(
        self,
    ) -> typing.Optional["VolumeSpecFreezeFilesystemForSnapshot"]:
        '''Setting that freezes the filesystem on the root partition before a snapshot is created.

        :schema: VolumeSpec#freezeFilesystemForSnapshot
        '''
        result = self._values.get("freeze_filesystem_for_snapshot")
        return typing.cast(typing.Optional["VolumeSpecFreezeFilesystemForSnapshot"], result)

    @builtins.property
    def from_backup(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeSpec#fromBackup
        '''
        result = self._values.get("from_backup")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def frontend(self) -> typing.Optional["VolumeSpecFrontend"]:
        '''
        :schema: VolumeSpec#frontend
        '''
        result = self._values.get("frontend")
        return typing.cast(typing.Optional["VolumeSpecFrontend"], result)

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeSpec#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def last_attached_by(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeSpec#lastAttachedBy
        '''
        result = self._values.get("last_attached_by")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def migratable(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: VolumeSpec#migratable
        '''
        result = self._values.get("migratable")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def migration_node_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeSpec#migrationNodeID
        '''
        result = self._values.get("migration_node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def node_id(self) -> typing.Optional[builtins.str]:
        '''nodeID defines the node where the volume is attached (where the frontend initiator runs).

        :schema: VolumeSpec#nodeID
        '''
        result = self._values.get("node_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def node_selector(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: VolumeSpec#nodeSelector
        '''
        result = self._values.get("node_selector")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def number_of_replicas(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: VolumeSpec#numberOfReplicas
        '''
        result = self._values.get("number_of_replicas")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def offline_rebuilding(self) -> typing.Optional["VolumeSpecOfflineRebuilding"]:
        '''Specifies whether Longhorn should rebuild replicas while the detached volume is degraded.

        - ignored: Use the global setting for offline replica rebuilding.
        - enabled: Enable offline rebuilding for this volume, regardless of the global setting.
        - disabled: Disable offline rebuilding for this volume, regardless of the global setting

        :schema: VolumeSpec#offlineRebuilding
        '''
        result = self._values.get("offline_rebuilding")
        return typing.cast(typing.Optional["VolumeSpecOfflineRebuilding"], result)

    @builtins.property
    def rebuild_concurrent_sync_limit(self) -> typing.Optional[jsii.Number]:
        '''RebuildConcurrentSyncLimit controls the maximum number of file synchronization operations that can run concurrently during a single replica rebuild.

        When set to 0, it means following the global setting.

        :schema: VolumeSpec#rebuildConcurrentSyncLimit
        '''
        result = self._values.get("rebuild_concurrent_sync_limit")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def replica_auto_balance(self) -> typing.Optional["VolumeSpecReplicaAutoBalance"]:
        '''
        :schema: VolumeSpec#replicaAutoBalance
        '''
        result = self._values.get("replica_auto_balance")
        return typing.cast(typing.Optional["VolumeSpecReplicaAutoBalance"], result)

    @builtins.property
    def replica_disk_soft_anti_affinity(
        self,
    ) -> typing.Optional["VolumeSpecReplicaDiskSoftAntiAffinity"]:
        '''Replica disk soft anti affinity of the volume.

        Set enabled to allow replicas to be scheduled in the same disk.

        :schema: VolumeSpec#replicaDiskSoftAntiAffinity
        '''
        result = self._values.get("replica_disk_soft_anti_affinity")
        return typing.cast(typing.Optional["VolumeSpecReplicaDiskSoftAntiAffinity"], result)

    @builtins.property
    def replica_rebuilding_bandwidth_limit(self) -> typing.Optional[jsii.Number]:
        '''ReplicaRebuildingBandwidthLimit controls the maximum write bandwidth (in megabytes per second) allowed on the destination replica during the rebuilding process.

        Set this value to 0 to disable bandwidth limiting.

        :schema: VolumeSpec#replicaRebuildingBandwidthLimit
        '''
        result = self._values.get("replica_rebuilding_bandwidth_limit")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def replica_soft_anti_affinity(
        self,
    ) -> typing.Optional["VolumeSpecReplicaSoftAntiAffinity"]:
        '''Replica soft anti affinity of the volume.

        Set enabled to allow replicas to be scheduled on the same node.

        :schema: VolumeSpec#replicaSoftAntiAffinity
        '''
        result = self._values.get("replica_soft_anti_affinity")
        return typing.cast(typing.Optional["VolumeSpecReplicaSoftAntiAffinity"], result)

    @builtins.property
    def replica_zone_soft_anti_affinity(
        self,
    ) -> typing.Optional["VolumeSpecReplicaZoneSoftAntiAffinity"]:
        '''Replica zone soft anti affinity of the volume.

        Set enabled to allow replicas to be scheduled in the same zone.

        :schema: VolumeSpec#replicaZoneSoftAntiAffinity
        '''
        result = self._values.get("replica_zone_soft_anti_affinity")
        return typing.cast(typing.Optional["VolumeSpecReplicaZoneSoftAntiAffinity"], result)

    @builtins.property
    def restore_volume_recurring_job(
        self,
    ) -> typing.Optional["VolumeSpecRestoreVolumeRecurringJob"]:
        '''
        :schema: VolumeSpec#restoreVolumeRecurringJob
        '''
        result = self._values.get("restore_volume_recurring_job")
        return typing.cast(typing.Optional["VolumeSpecRestoreVolumeRecurringJob"], result)

    @builtins.property
    def revision_counter_disabled(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: VolumeSpec#revisionCounterDisabled
        '''
        result = self._values.get("revision_counter_disabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def size(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeSpec#size
        '''
        result = self._values.get("size")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def snapshot_data_integrity(
        self,
    ) -> typing.Optional["VolumeSpecSnapshotDataIntegrity"]:
        '''
        :schema: VolumeSpec#snapshotDataIntegrity
        '''
        result = self._values.get("snapshot_data_integrity")
        return typing.cast(typing.Optional["VolumeSpecSnapshotDataIntegrity"], result)

    @builtins.property
    def snapshot_hashing_requested_at(self) -> typing.Optional[builtins.str]:
        '''SnapshotHashingRequestedAt is the RFC3339 timestamp (e.g., "2026-03-16T10:30:00Z") when an on-demand snapshot checksum calculation is requested. When this value is set and is later than LastOnDemandSnapshotHashingCompleteAt, the system will calculate checksums for all user snapshots.

        If SnapshotHashingRequestedAt differs from LastOnDemandSnapshotHashingCompleteAt, it indicates that a hashing request
        is still in progress, and a new request will be rejected.

        :schema: VolumeSpec#snapshotHashingRequestedAt
        '''
        result = self._values.get("snapshot_hashing_requested_at")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def snapshot_max_count(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: VolumeSpec#snapshotMaxCount
        '''
        result = self._values.get("snapshot_max_count")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def snapshot_max_size(self) -> typing.Optional[builtins.str]:
        '''
        :schema: VolumeSpec#snapshotMaxSize
        '''
        result = self._values.get("snapshot_max_size")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def stale_replica_timeout(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: VolumeSpec#staleReplicaTimeout
        '''
        result = self._values.get("stale_replica_timeout")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def standby(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: VolumeSpec#Standby
        '''
        result = self._values.get("standby")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def ublk_number_of_queue(self) -> typing.Optional[jsii.Number]:
        '''ublkNumberOfQueue controls the number of queues for ublk frontend.

        :schema: VolumeSpec#ublkNumberOfQueue
        '''
        result = self._values.get("ublk_number_of_queue")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def ublk_queue_depth(self) -> typing.Optional[jsii.Number]:
        '''ublkQueueDepth controls the depth of each queue for ublk frontend.

        :schema: VolumeSpec#ublkQueueDepth
        '''
        result = self._values.get("ublk_queue_depth")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def unmap_mark_snap_chain_removed(
        self,
    ) -> typing.Optional["VolumeSpecUnmapMarkSnapChainRemoved"]:
        '''
        :schema: VolumeSpec#unmapMarkSnapChainRemoved
        '''
        result = self._values.get("unmap_mark_snap_chain_removed")
        return typing.cast(typing.Optional["VolumeSpecUnmapMarkSnapChainRemoved"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VolumeSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.VolumeSpecAccessMode")
class VolumeSpecAccessMode(enum.Enum):
    '''
    :schema: VolumeSpecAccessMode
    '''

    RWO = "RWO"
    '''rwo.'''
    RWOP = "RWOP"
    '''rwop.'''
    RWX = "RWX"
    '''rwx.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecBackupBlockSize")
class VolumeSpecBackupBlockSize(enum.Enum):
    '''BackupBlockSize indicate the block size to create backups.

    The block size is immutable.

    :schema: VolumeSpecBackupBlockSize
    '''

    VALUE_2097152 = "VALUE_2097152"
    '''2097152.'''
    VALUE_16777216 = "VALUE_16777216"
    '''16777216.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecBackupCompressionMethod")
class VolumeSpecBackupCompressionMethod(enum.Enum):
    '''
    :schema: VolumeSpecBackupCompressionMethod
    '''

    NONE = "NONE"
    '''none.'''
    LZ4 = "LZ4"
    '''lz4.'''
    GZIP = "GZIP"
    '''gzip.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecCloneMode")
class VolumeSpecCloneMode(enum.Enum):
    '''
    :schema: VolumeSpecCloneMode
    '''

    FULL_HYPHEN_COPY = "FULL_HYPHEN_COPY"
    '''full-copy.'''
    LINKED_HYPHEN_CLONE = "LINKED_HYPHEN_CLONE"
    '''linked-clone.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecDataEngine")
class VolumeSpecDataEngine(enum.Enum):
    '''
    :schema: VolumeSpecDataEngine
    '''

    V1 = "V1"
    '''v1.'''
    V2 = "V2"
    '''v2.'''


@jsii.data_type(
    jsii_type="iolonghorn.VolumeSpecDataLayout",
    jsii_struct_bases=[],
    name_mapping={
        "data_chunks": "dataChunks",
        "mode": "mode",
        "parity_chunks": "parityChunks",
        "strip_size_kb": "stripSizeKb",
        "type": "type",
    },
)
class VolumeSpecDataLayout:
    def __init__(
        self,
        *,
        data_chunks: typing.Optional[jsii.Number] = None,
        mode: typing.Optional["VolumeSpecDataLayoutMode"] = None,
        parity_chunks: typing.Optional[jsii.Number] = None,
        strip_size_kb: typing.Optional[jsii.Number] = None,
        type: typing.Optional["VolumeSpecDataLayoutType"] = None,
    ) -> None:
        '''DataLayout declares the user's intended data layout (topology type, protection mode, and EC parameters).

        The entire struct is immutable after creation.

        :param data_chunks: DataChunks is the number of data chunks (k) in the EC array. Required when Type is sharded; must be 0 for replicated volumes.
        :param mode: Mode describes the specific data protection mechanism in use. Empty for V1 volumes where no SPDK-level mode applies.
        :param parity_chunks: ParityChunks is the number of parity chunks (m) in the EC array. The volume tolerates up to m simultaneous disk failures. Required when Type is sharded; must be 0 for replicated volumes.
        :param strip_size_kb: StripSizeKB is the chunk size in KiB used by the EC bdev. Must be a power of two in the range [4, 1024]. Required when Type is sharded; must be 0 for replicated volumes.
        :param type: Type describes how volume data is distributed across nodes.

        :schema: VolumeSpecDataLayout
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__70fc722bbddcdec6208b3f31aa2aa76f15af0b7f1dd618e49328c43820ae0911)
            check_type(argname="argument data_chunks", value=data_chunks, expected_type=type_hints["data_chunks"])
            check_type(argname="argument mode", value=mode, expected_type=type_hints["mode"])
            check_type(argname="argument parity_chunks", value=parity_chunks, expected_type=type_hints["parity_chunks"])
            check_type(argname="argument strip_size_kb", value=strip_size_kb, expected_type=type_hints["strip_size_kb"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if data_chunks is not None:
            self._values["data_chunks"] = data_chunks
        if mode is not None:
            self._values["mode"] = mode
        if parity_chunks is not None:
            self._values["parity_chunks"] = parity_chunks
        if strip_size_kb is not None:
            self._values["strip_size_kb"] = strip_size_kb
        if type is not None:
            self._values["type"] = type

    @builtins.property
    def data_chunks(self) -> typing.Optional[jsii.Number]:
        '''DataChunks is the number of data chunks (k) in the EC array.

        Required when Type is sharded; must be 0 for replicated volumes.

        :schema: VolumeSpecDataLayout#dataChunks
        '''
        result = self._values.get("data_chunks")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def mode(self) -> typing.Optional["VolumeSpecDataLayoutMode"]:
        '''Mode describes the specific data protection mechanism in use.

        Empty for V1 volumes where no SPDK-level mode applies.

        :schema: VolumeSpecDataLayout#mode
        '''
        result = self._values.get("mode")
        return typing.cast(typing.Optional["VolumeSpecDataLayoutMode"], result)

    @builtins.property
    def parity_chunks(self) -> typing.Optional[jsii.Number]:
        '''ParityChunks is the number of parity chunks (m) in the EC array.

        The volume tolerates up to m simultaneous disk failures.
        Required when Type is sharded; must be 0 for replicated volumes.

        :schema: VolumeSpecDataLayout#parityChunks
        '''
        result = self._values.get("parity_chunks")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def strip_size_kb(self) -> typing.Optional[jsii.Number]:
        '''StripSizeKB is the chunk size in KiB used by the EC bdev.

        Must be a power of two in the range [4, 1024].
        Required when Type is sharded; must be 0 for replicated volumes.

        :schema: VolumeSpecDataLayout#stripSizeKB
        '''
        result = self._values.get("strip_size_kb")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def type(self) -> typing.Optional["VolumeSpecDataLayoutType"]:
        '''Type describes how volume data is distributed across nodes.

        :schema: VolumeSpecDataLayout#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional["VolumeSpecDataLayoutType"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VolumeSpecDataLayout(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="iolonghorn.VolumeSpecDataLayoutMode")
class VolumeSpecDataLayoutMode(enum.Enum):
    '''Mode describes the specific data protection mechanism in use.

    Empty for V1 volumes where no SPDK-level mode applies.

    :schema: VolumeSpecDataLayoutMode
    '''

    RAID1 = "RAID1"
    '''raid1.'''
    ERASURE_CODING = "ERASURE_CODING"
    '''erasureCoding.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecDataLayoutType")
class VolumeSpecDataLayoutType(enum.Enum):
    '''Type describes how volume data is distributed across nodes.

    :schema: VolumeSpecDataLayoutType
    '''

    REPLICATED = "REPLICATED"
    '''replicated.'''
    SHARDED = "SHARDED"
    '''sharded.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecDataLocality")
class VolumeSpecDataLocality(enum.Enum):
    '''
    :schema: VolumeSpecDataLocality
    '''

    DISABLED = "DISABLED"
    '''disabled.'''
    BEST_HYPHEN_EFFORT = "BEST_HYPHEN_EFFORT"
    '''best-effort.'''
    STRICT_HYPHEN_LOCAL = "STRICT_HYPHEN_LOCAL"
    '''strict-local.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecFreezeFilesystemForSnapshot")
class VolumeSpecFreezeFilesystemForSnapshot(enum.Enum):
    '''Setting that freezes the filesystem on the root partition before a snapshot is created.

    :schema: VolumeSpecFreezeFilesystemForSnapshot
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    ENABLED = "ENABLED"
    '''enabled.'''
    DISABLED = "DISABLED"
    '''disabled.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecFrontend")
class VolumeSpecFrontend(enum.Enum):
    '''
    :schema: VolumeSpecFrontend
    '''

    BLOCKDEV = "BLOCKDEV"
    '''blockdev.'''
    ISCSI = "ISCSI"
    '''iscsi.'''
    NVMF = "NVMF"
    '''nvmf.'''
    UBLK = "UBLK"
    '''ublk.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecOfflineRebuilding")
class VolumeSpecOfflineRebuilding(enum.Enum):
    '''Specifies whether Longhorn should rebuild replicas while the detached volume is degraded.

    - ignored: Use the global setting for offline replica rebuilding.
    - enabled: Enable offline rebuilding for this volume, regardless of the global setting.
    - disabled: Disable offline rebuilding for this volume, regardless of the global setting

    :schema: VolumeSpecOfflineRebuilding
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    DISABLED = "DISABLED"
    '''disabled.'''
    ENABLED = "ENABLED"
    '''enabled.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecReplicaAutoBalance")
class VolumeSpecReplicaAutoBalance(enum.Enum):
    '''
    :schema: VolumeSpecReplicaAutoBalance
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    DISABLED = "DISABLED"
    '''disabled.'''
    LEAST_HYPHEN_EFFORT = "LEAST_HYPHEN_EFFORT"
    '''least-effort.'''
    BEST_HYPHEN_EFFORT = "BEST_HYPHEN_EFFORT"
    '''best-effort.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecReplicaDiskSoftAntiAffinity")
class VolumeSpecReplicaDiskSoftAntiAffinity(enum.Enum):
    '''Replica disk soft anti affinity of the volume.

    Set enabled to allow replicas to be scheduled in the same disk.

    :schema: VolumeSpecReplicaDiskSoftAntiAffinity
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    ENABLED = "ENABLED"
    '''enabled.'''
    DISABLED = "DISABLED"
    '''disabled.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecReplicaSoftAntiAffinity")
class VolumeSpecReplicaSoftAntiAffinity(enum.Enum):
    '''Replica soft anti affinity of the volume.

    Set enabled to allow replicas to be scheduled on the same node.

    :schema: VolumeSpecReplicaSoftAntiAffinity
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    ENABLED = "ENABLED"
    '''enabled.'''
    DISABLED = "DISABLED"
    '''disabled.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecReplicaZoneSoftAntiAffinity")
class VolumeSpecReplicaZoneSoftAntiAffinity(enum.Enum):
    '''Replica zone soft anti affinity of the volume.

    Set enabled to allow replicas to be scheduled in the same zone.

    :schema: VolumeSpecReplicaZoneSoftAntiAffinity
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    ENABLED = "ENABLED"
    '''enabled.'''
    DISABLED = "DISABLED"
    '''disabled.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecRestoreVolumeRecurringJob")
class VolumeSpecRestoreVolumeRecurringJob(enum.Enum):
    '''
    :schema: VolumeSpecRestoreVolumeRecurringJob
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    ENABLED = "ENABLED"
    '''enabled.'''
    DISABLED = "DISABLED"
    '''disabled.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecSnapshotDataIntegrity")
class VolumeSpecSnapshotDataIntegrity(enum.Enum):
    '''
    :schema: VolumeSpecSnapshotDataIntegrity
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    DISABLED = "DISABLED"
    '''disabled.'''
    ENABLED = "ENABLED"
    '''enabled.'''
    FAST_HYPHEN_CHECK = "FAST_HYPHEN_CHECK"
    '''fast-check.'''


@jsii.enum(jsii_type="iolonghorn.VolumeSpecUnmapMarkSnapChainRemoved")
class VolumeSpecUnmapMarkSnapChainRemoved(enum.Enum):
    '''
    :schema: VolumeSpecUnmapMarkSnapChainRemoved
    '''

    IGNORED = "IGNORED"
    '''ignored.'''
    DISABLED = "DISABLED"
    '''disabled.'''
    ENABLED = "ENABLED"
    '''enabled.'''


__all__ = [
    "BackingImage",
    "BackingImageDataSource",
    "BackingImageDataSourceProps",
    "BackingImageDataSourceSpec",
    "BackingImageDataSourceSpecSourceType",
    "BackingImageManager",
    "BackingImageManagerProps",
    "BackingImageManagerSpec",
    "BackingImageProps",
    "BackingImageSpec",
    "BackingImageSpecDataEngine",
    "BackingImageSpecDiskFileSpecMap",
    "BackingImageSpecDiskFileSpecMapDataEngine",
    "BackingImageSpecSourceType",
    "Backup",
    "BackupBackingImage",
    "BackupBackingImageProps",
    "BackupBackingImageSpec",
    "BackupProps",
    "BackupSpec",
    "BackupSpecBackupBlockSize",
    "BackupSpecBackupMode",
    "BackupTarget",
    "BackupTargetProps",
    "BackupTargetSpec",
    "BackupVolume",
    "BackupVolumeProps",
    "BackupVolumeSpec",
    "Engine",
    "EngineFrontend",
    "EngineFrontendProps",
    "EngineFrontendSpec",
    "EngineFrontendSpecDataEngine",
    "EngineFrontendSpecFrontend",
    "EngineImage",
    "EngineImageProps",
    "EngineImageSpec",
    "EngineProps",
    "EngineSpec",
    "EngineSpecDataEngine",
    "EngineSpecFrontend",
    "InstanceManager",
    "InstanceManagerProps",
    "InstanceManagerSpec",
    "InstanceManagerSpecDataEngineSpec",
    "InstanceManagerSpecDataEngineSpecV2",
    "InstanceManagerSpecDataEngineSpecV2CpuIsolationEnabled",
    "InstanceManagerSpecType",
    "Node",
    "NodeProps",
    "NodeSpec",
    "NodeSpecDisks",
    "NodeSpecDisksDiskDriver",
    "NodeSpecDisksDiskType",
    "Orphan",
    "OrphanProps",
    "OrphanSpec",
    "OrphanSpecDataEngine",
    "RecurringJob",
    "RecurringJobProps",
    "RecurringJobSpec",
    "RecurringJobSpecTask",
    "Replica",
    "ReplicaProps",
    "ReplicaSpec",
    "ReplicaSpecDataEngine",
    "Setting",
    "SettingProps",
    "Shard",
    "ShardGroup",
    "ShardGroupProps",
    "ShardGroupSpec",
    "ShardProps",
    "ShardSpec",
    "ShareManager",
    "ShareManagerProps",
    "ShareManagerSpec",
    "Snapshot",
    "SnapshotProps",
    "SnapshotSpec",
    "SupportBundle",
    "SupportBundleProps",
    "SupportBundleSpec",
    "SystemBackup",
    "SystemBackupProps",
    "SystemBackupSpec",
    "SystemRestore",
    "SystemRestoreProps",
    "SystemRestoreSpec",
    "Volume",
    "VolumeAttachment",
    "VolumeAttachmentProps",
    "VolumeAttachmentSpec",
    "VolumeAttachmentSpecAttachmentTickets",
    "VolumeProps",
    "VolumeSpec",
    "VolumeSpecAccessMode",
    "VolumeSpecBackupBlockSize",
    "VolumeSpecBackupCompressionMethod",
    "VolumeSpecCloneMode",
    "VolumeSpecDataEngine",
    "VolumeSpecDataLayout",
    "VolumeSpecDataLayoutMode",
    "VolumeSpecDataLayoutType",
    "VolumeSpecDataLocality",
    "VolumeSpecFreezeFilesystemForSnapshot",
    "VolumeSpecFrontend",
    "VolumeSpecOfflineRebuilding",
    "VolumeSpecReplicaAutoBalance",
    "VolumeSpecReplicaDiskSoftAntiAffinity",
    "VolumeSpecReplicaSoftAntiAffinity",
    "VolumeSpecReplicaZoneSoftAntiAffinity",
    "VolumeSpecRestoreVolumeRecurringJob",
    "VolumeSpecSnapshotDataIntegrity",
    "VolumeSpecUnmapMarkSnapChainRemoved",
]

publication.publish()

def _typecheckingstub__4f0ad259d230e100f1e2cfc1677d8a56e2a04bb0cfdc2f352bb206687fd8bf0f(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackingImageSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7693a62087e4aa5f28fc55105893fd6cede4f2200995bfc6d388e5ad0f6faf88(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackingImageDataSourceSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a8a1cb377b8d0572c90225e088bbed453c43d59d761b261c6a4907f2804de74d(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackingImageDataSourceSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ec8f4561e1dbc6ca619d170a5818b15420cf374fb6008161e304c575ee2bc84c(
    *,
    checksum: typing.Optional[builtins.str] = None,
    disk_path: typing.Optional[builtins.str] = None,
    disk_uuid: typing.Optional[builtins.str] = None,
    file_transferred: typing.Optional[builtins.bool] = None,
    node_id: typing.Optional[builtins.str] = None,
    parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    source_type: typing.Optional[BackingImageDataSourceSpecSourceType] = None,
    uuid: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__14313c60577852bf85ab2dc600b4846b6fc6341acc78ed6317fc381b7f1ffd71(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackingImageManagerSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__93f66be1273303be29ef1b07615ec1d6cde40470c97be7d0848cc32f0c360893(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackingImageManagerSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7a2fecbe1a6e852dbfb4f608213c1692fba537b0453a90d0c291e40d3b680919(
    *,
    backing_images: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    disk_path: typing.Optional[builtins.str] = None,
    disk_uuid: typing.Optional[builtins.str] = None,
    image: typing.Optional[builtins.str] = None,
    node_id: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__bd6c477f4a53845a30206a42ab446cd2545ec79342989ca8997ebddd10b23bae(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackingImageSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__14f5eba5e3f442dc0157d4930456689ce2fa24ab631ebcbf2c5ce06ec6f741d4(
    *,
    checksum: typing.Optional[builtins.str] = None,
    data_engine: typing.Optional[BackingImageSpecDataEngine] = None,
    disk_file_spec_map: typing.Optional[typing.Mapping[builtins.str, typing.Union[BackingImageSpecDiskFileSpecMap, typing.Dict[builtins.str, typing.Any]]]] = None,
    disks: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    disk_selector: typing.Optional[typing.Sequence[builtins.str]] = None,
    min_number_of_copies: typing.Optional[jsii.Number] = None,
    node_selector: typing.Optional[typing.Sequence[builtins.str]] = None,
    secret: typing.Optional[builtins.str] = None,
    secret_namespace: typing.Optional[builtins.str] = None,
    source_parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    source_type: typing.Optional[BackingImageSpecSourceType] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__95d77bedbb0199a5875901eabf90a04f9d61c7312d35260e5c5ead18663872bf(
    *,
    data_engine: typing.Optional[BackingImageSpecDiskFileSpecMapDataEngine] = None,
    eviction_requested: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__92f9cffa97550981124bb7e5a88f7fd3141e3bc7b06fd0ccb1677722497e24dc(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackupSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8c54d95a3e7a2f78f112105c4c70a2a0f4aa82dd59a3a9a2cded7b672fb0b3e8(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackupBackingImageSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5068c25e51c918878fc2c783342a6fee048abdf072f21b425b1dc24dd1757a7e(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackupBackingImageSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a1c6993a3b2d9cde1370a9ab9f27ced8f34707d6f6651d59a0df22475570f590(
    *,
    backing_image: builtins.str,
    user_created: builtins.bool,
    backup_target_name: typing.Optional[builtins.str] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    sync_requested_at: typing.Optional[datetime.datetime] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5f3bdfe4fb9c5acaab078922473fe67f0b8f0397edbd912a039aec81fc4b4fb7(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackupSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2136961469ecf530be5a7fe8db4b68f7854a2f33dc5c0c72da39845d608c3d57(
    *,
    backup_block_size: typing.Optional[BackupSpecBackupBlockSize] = None,
    backup_mode: typing.Optional[BackupSpecBackupMode] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    snapshot_name: typing.Optional[builtins.str] = None,
    sync_requested_at: typing.Optional[datetime.datetime] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6c6f6667c2d22592c3b347921082e738ef93401189a9b3f52c3d1858a16e1364(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackupTargetSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f7dd3ab9e81dbf65cf9ea877ed3b50551570fd63ed6279955c822b044118efda(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackupTargetSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5c18b1cef0fd0dc6d548bb6713865543f5feab475915a2b23894f133973ffd26(
    *,
    backup_target_url: typing.Optional[builtins.str] = None,
    credential_secret: typing.Optional[builtins.str] = None,
    poll_interval: typing.Optional[builtins.str] = None,
    sync_requested_at: typing.Optional[datetime.datetime] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__35202d0205005a7cc598612385c22b60ce4baeb4b623b9d776fc03dcd0430b57(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackupVolumeSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c2aab6946d7bad7ac2dd632e48934267d6ec9434b7a027293864b00ef0dba90d(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BackupVolumeSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__982909acef574441b3fe9ee7876c32fbcc154281e2c3b86468a0141d284d2cbf(
    *,
    backup_target_name: typing.Optional[builtins.str] = None,
    sync_requested_at: typing.Optional[datetime.datetime] = None,
    volume_name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e26505a9581315907b30b02d08be945b9ef0b02a1824e5c65b610ddc2c3d0803(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[EngineSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f5c6771e2f5ca64f35cfa0dcdc35294c57b1fbf6ea460e9cbb66971aa4bfb0e5(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[EngineFrontendSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__451b2257284aa2c81eee246ff03a36416f356d35628f0c626bfe12a1bbcd0f4d(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[EngineFrontendSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__94807d9c69614c5a5f9b8df41287768e7a7c6bf6beabe46ebb2ca29cb379e80e(
    *,
    active: typing.Optional[builtins.bool] = None,
    data_engine: typing.Optional[EngineFrontendSpecDataEngine] = None,
    desire_state: typing.Optional[builtins.str] = None,
    disable_frontend: typing.Optional[builtins.bool] = None,
    engine_name: typing.Optional[builtins.str] = None,
    frontend: typing.Optional[EngineFrontendSpecFrontend] = None,
    image: typing.Optional[builtins.str] = None,
    log_requested: typing.Optional[builtins.bool] = None,
    node_id: typing.Optional[builtins.str] = None,
    salvage_requested: typing.Optional[builtins.bool] = None,
    size: typing.Optional[builtins.str] = None,
    target_ip: typing.Optional[builtins.str] = None,
    target_port: typing.Optional[jsii.Number] = None,
    ublk_number_of_queue: typing.Optional[jsii.Number] = None,
    ublk_queue_depth: typing.Optional[jsii.Number] = None,
    volume_name: typing.Optional[builtins.str] = None,
    volume_size: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5cabc5cfcac4f8fa213b44d1a40d39e977f41be4447def59950e728de9595b7a(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[EngineImageSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__41c8715479a8d3f0c4a41ee0c154c711c240204aeeb5019fa68b70bef602f055(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[EngineImageSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2b27c63e1e6f909480f5d356e4707fecc7b5bc0b1bd06b527fb8d706cd971aaa(
    *,
    image: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3ecab57b715866adfc6007a4feb80590accfb34a317530f1af8b777dc567742b(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[EngineSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8af73bbc6104d9f782bb169bd9221a1409d51866ada4670467ce8e8caff8e02a(
    *,
    active: typing.Optional[builtins.bool] = None,
    backup_volume: typing.Optional[builtins.str] = None,
    data_engine: typing.Optional[EngineSpecDataEngine] = None,
    desire_state: typing.Optional[builtins.str] = None,
    disable_frontend: typing.Optional[builtins.bool] = None,
    frontend: typing.Optional[EngineSpecFrontend] = None,
    image: typing.Optional[builtins.str] = None,
    log_requested: typing.Optional[builtins.bool] = None,
    node_id: typing.Optional[builtins.str] = None,
    rebuild_concurrent_sync_limit: typing.Optional[jsii.Number] = None,
    replica_address_map: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    requested_backup_restore: typing.Optional[builtins.str] = None,
    requested_data_source: typing.Optional[builtins.str] = None,
    revision_counter_disabled: typing.Optional[builtins.bool] = None,
    salvage_requested: typing.Optional[builtins.bool] = None,
    snapshot_max_count: typing.Optional[jsii.Number] = None,
    snapshot_max_size: typing.Optional[builtins.str] = None,
    ublk_number_of_queue: typing.Optional[jsii.Number] = None,
    ublk_queue_depth: typing.Optional[jsii.Number] = None,
    unmap_mark_snap_chain_removed_enabled: typing.Optional[builtins.bool] = None,
    upgraded_replica_address_map: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    volume_name: typing.Optional[builtins.str] = None,
    volume_size: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f6f56216a90434781d43cbfee0c30656efc09a4a163606e02390fc38d3602f96(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[InstanceManagerSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f5150613d365ac2383fb88e4c5c7295db3e45b4a82e7526c808558088a7fb50f(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[InstanceManagerSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c32a86d0cae09940e0a56f738fe99213e92e13b8390ca7df5009154342b90bfa(
    *,
    data_engine: typing.Optional[builtins.str] = None,
    data_engine_spec: typing.Optional[typing.Union[InstanceManagerSpecDataEngineSpec, typing.Dict[builtins.str, typing.Any]]] = None,
    image: typing.Optional[builtins.str] = None,
    node_id: typing.Optional[builtins.str] = None,
    type: typing.Optional[InstanceManagerSpecType] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__102be7ff9700707638a400e880e4de6d84f0aa4bc7808f2ab597e1af716b65d2(
    *,
    v2: typing.Optional[typing.Union[InstanceManagerSpecDataEngineSpecV2, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2e2289535c4285d1b706a17e5e93ae56f154c9ac9a4a23530926a824bd909b2b(
    *,
    cpu_isolation_enabled: typing.Optional[InstanceManagerSpecDataEngineSpecV2CpuIsolationEnabled] = None,
    cpu_mask: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cf84aa89449db81647508fe9a93209eeead005ecefd0b783ac742007d45c7b63(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[NodeSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__411676cb109cd9e6e1d0122f7f71f8839ec01e0973c5220445db32d52d29b7bf(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[NodeSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1ad388a99ccee666fc8821a58e9f0c879f7ba1e353aa1105ae171602342287ba(
    *,
    allow_scheduling: typing.Optional[builtins.bool] = None,
    disks: typing.Optional[typing.Mapping[builtins.str, typing.Union[NodeSpecDisks, typing.Dict[builtins.str, typing.Any]]]] = None,
    eviction_requested: typing.Optional[builtins.bool] = None,
    instance_manager_cpu_request: typing.Optional[jsii.Number] = None,
    name: typing.Optional[builtins.str] = None,
    tags: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__44a28781da7d125e3c835680e69e8388308f8c04320f3be311dfb575c1495b26(
    *,
    allow_scheduling: typing.Optional[builtins.bool] = None,
    disk_driver: typing.Optional[NodeSpecDisksDiskDriver] = None,
    disk_type: typing.Optional[NodeSpecDisksDiskType] = None,
    eviction_requested: typing.Optional[builtins.bool] = None,
    path: typing.Optional[builtins.str] = None,
    storage_reserved: typing.Optional[jsii.Number] = None,
    tags: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d03ae0bd7b6e77060c3687575df763d742ba2cddddd3872c8b995ff624e5f094(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[OrphanSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__013b4a72f869c7e8cbd5fea46763b3943eca426f003b44a2591f3375f11dba16(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[OrphanSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__67a81d083cd30a138f7136c171421e1f8581584b61fe0bfd37a8b0b91e8c8a65(
    *,
    data_engine: typing.Optional[OrphanSpecDataEngine] = None,
    node_id: typing.Optional[builtins.str] = None,
    orphan_type: typing.Optional[builtins.str] = None,
    parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8bb5c93c90db5836292c359976569624ba1dd146d331de7f6f147d35ae318175(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[RecurringJobSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1672a3ae91cf76365750b52fa39784ff240a626da2ece0a56fbce3d796a76495(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[RecurringJobSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__4aaa3b60fd3359d8dee5bdac3125a52646e4657fd2d1fbfb51e80f277a9d1a81(
    *,
    concurrency: typing.Optional[jsii.Number] = None,
    cron: typing.Optional[builtins.str] = None,
    groups: typing.Optional[typing.Sequence[builtins.str]] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    name: typing.Optional[builtins.str] = None,
    parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    retain: typing.Optional[jsii.Number] = None,
    task: typing.Optional[RecurringJobSpecTask] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__45d75526e2d7d036790becd2cc30d5ec92f5fbb9198696d644b9ea0d8c1f3ee1(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ReplicaSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2c99abeb10456f8043118c4d2b6d770a3a6f7ed256b7e4ec7d2abbeda63f7118(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ReplicaSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__236d4b1c90a05ecfeb0bbd5aafc8482cf1c51a59e5f3e19858e999c031bbd934(
    *,
    active: typing.Optional[builtins.bool] = None,
    backing_image: typing.Optional[builtins.str] = None,
    data_directory_name: typing.Optional[builtins.str] = None,
    data_engine: typing.Optional[ReplicaSpecDataEngine] = None,
    desire_state: typing.Optional[builtins.str] = None,
    disk_id: typing.Optional[builtins.str] = None,
    disk_path: typing.Optional[builtins.str] = None,
    engine_name: typing.Optional[builtins.str] = None,
    eviction_requested: typing.Optional[builtins.bool] = None,
    failed_at: typing.Optional[builtins.str] = None,
    hard_node_affinity: typing.Optional[builtins.str] = None,
    healthy_at: typing.Optional[builtins.str] = None,
    image: typing.Optional[builtins.str] = None,
    last_failed_at: typing.Optional[builtins.str] = None,
    last_healthy_at: typing.Optional[builtins.str] = None,
    linked_clone_src_replica_name: typing.Optional[builtins.str] = None,
    log_requested: typing.Optional[builtins.bool] = None,
    migration_engine_name: typing.Optional[builtins.str] = None,
    node_id: typing.Optional[builtins.str] = None,
    rebuild_retry_count: typing.Optional[jsii.Number] = None,
    revision_counter_disabled: typing.Optional[builtins.bool] = None,
    salvage_requested: typing.Optional[builtins.bool] = None,
    snapshot_max_count: typing.Optional[jsii.Number] = None,
    snapshot_max_size: typing.Optional[builtins.str] = None,
    unmap_mark_disk_chain_removed_enabled: typing.Optional[builtins.bool] = None,
    volume_name: typing.Optional[builtins.str] = None,
    volume_size: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__909ddd116ec06b17600f0acaab64f0fcabae349122abdd16977c23ff07a755b1(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    value: builtins.str,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3f6a3889bf932fd18563b38698a1d3cd7a0e8261577d4af471e0e26ad30e02f3(
    *,
    value: builtins.str,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e4bb5a84c70228ce3170d47fd0bd6155d9c7b826179a29aa8a7a665fd9fa1cc1(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ShardSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__486b1091f371fddee2e5d0513f8f364fe5b3f2f182c232289729d8234e88a6ab(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ShardGroupSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6bd9818aa26cdd56b79f857d7952e10f726199b17ad285f84c14cf37e6eb7f5c(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ShardGroupSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b36a131b1d4a24cf168bfecf46a39d63ede9b9c265f18178f6f2672b3b235c94(
    *,
    creation_size: typing.Optional[jsii.Number] = None,
    data_chunks: typing.Optional[jsii.Number] = None,
    node_id: typing.Optional[builtins.str] = None,
    parity_chunks: typing.Optional[jsii.Number] = None,
    strip_size_kb: typing.Optional[jsii.Number] = None,
    volume_name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5839dfb3ed568563fb0290055d833a09089ef639e4e01fdd6190f26005551691(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ShardSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__945a524d5a13f471d76dc2b23e3483cc69f3e2720190f6d641a4548dbedd1cc7(
    *,
    disk_path: typing.Optional[builtins.str] = None,
    disk_uuid: typing.Optional[builtins.str] = None,
    eviction_requested: typing.Optional[builtins.bool] = None,
    node_id: typing.Optional[builtins.str] = None,
    shard_group_name: typing.Optional[builtins.str] = None,
    size: typing.Optional[builtins.str] = None,
    slot_index: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__495c6bcbe3f11f71b0ac017d4f6b9ca08455405cf4358b6c9d789f71654c1660(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ShareManagerSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__258b699c56b6bec2cb17fc5e477945bf5a9d1357ca1053716f39ae7c3caae9ec(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ShareManagerSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e7f8a8b446d18d112e5a81d50ca8ebd659525678743bae90226dfabfdb27146e(
    *,
    image: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a91aea3e119e95f607fe0cb0b2145ab4e43505d72729f787fafb91a8c9d5c769(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SnapshotSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__125e6179adf12ed9bbf12a7674e6818773bced8b42486e0f02f7f0ef9c4cbd4c(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SnapshotSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f162715a585d6414fc93f1bbab0475aa0d8c16d59e26b1a39e9c02040f085a14(
    *,
    volume: builtins.str,
    create_snapshot: typing.Optional[builtins.bool] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2c6134d252895c9743bdd45e353789cd2d47a406003e1b7824790bc3d7a60561(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SupportBundleSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fa8d46ed17a75d9275609cf7f66639bc2099f912a644e70fb3ed5572e191c73b(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SupportBundleSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9f0417041f3ad2311a419826914ec113f5a80d01f53920abfd3b790f657598fd(
    *,
    description: builtins.str,
    issue_url: typing.Optional[builtins.str] = None,
    node_id: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6185909bd3c401e912bc3503607bde883b160deb5497c63e13650979bc72493d(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SystemBackupSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e9388571476878e0d7f0abb75fd186a95b36b6abb7955b6d2e274d746f032c5c(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SystemBackupSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__facfe782a25353107d3a55fd1d141a59dfd74db1c09813cbfbcbe7da48ca460e(
    *,
    volume_backup_policy: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7817366e016da5deafe6e218f3632906da96b5ff2cfbd70f711d9ccce8ea5ba5(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SystemRestoreSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f7e9b99758ef0d6f0b896db4ed0341bb7d48535588d8c834c66c640574cc9c73(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[SystemRestoreSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__65437ab6a187a396964be42decde481cd537446262c11e66bfc3803bc0308453(
    *,
    system_backup: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7eb6558fbabfca489634b1ea8e11792153425cb946301ee4b4856558683a7e17(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[VolumeSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fd5f6f4f0c7e951faeb8491aa7c452e597782c334d39911270204240b1519725(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[VolumeAttachmentSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cf88bbec3a2f2441888d53d8cd7fec14b7952b420e232f9e579ce1abd3abadbf(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[VolumeAttachmentSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__43c324bfab086fdc2db2f35e64038b6e65b8894ed56373371fd44e7e0ead0cf8(
    *,
    volume: builtins.str,
    attachment_tickets: typing.Optional[typing.Mapping[builtins.str, typing.Union[VolumeAttachmentSpecAttachmentTickets, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9095a8a6ef96e9383611a1dde3248d426570a6e5cbb743c0f142a84029861fa9(
    *,
    generation: typing.Optional[jsii.Number] = None,
    id: typing.Optional[builtins.str] = None,
    node_id: typing.Optional[builtins.str] = None,
    parameters: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    type: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3b13249db782e9c5f932a827e4a82d6461b753dcfb5ee587ec92c26bba86f94b(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[VolumeSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d6fb0c4938d101276ef93089a381a70d6b71499d3636be7d99b112bc61d4faa5(
    *,
    access_mode: typing.Optional[VolumeSpecAccessMode] = None,
    backing_image: typing.Optional[builtins.str] = None,
    backup_block_size: typing.Optional[VolumeSpecBackupBlockSize] = None,
    backup_compression_method: typing.Optional[VolumeSpecBackupCompressionMethod] = None,
    backup_target_name: typing.Optional[builtins.str] = None,
    clone_mode: typing.Optional[VolumeSpecCloneMode] = None,
    data_engine: typing.Optional[VolumeSpecDataEngine] = None,
    data_layout: typing.Optional[typing.Union[VolumeSpecDataLayout, typing.Dict[builtins.str, typing.Any]]] = None,
    data_locality: typing.Optional[VolumeSpecDataLocality] = None,
    data_source: typing.Optional[builtins.str] = None,
    disable_frontend: typing.Optional[builtins.bool] = None,
    disk_selector: typing.Optional[typing.Sequence[builtins.str]] = None,
    encrypted: typing.Optional[builtins.bool] = None,
    engine_node_id: typing.Optional[builtins.str] = None,
    freeze_filesystem_for_snapshot: typing.Optional[VolumeSpecFreezeFilesystemForSnapshot] = None,
    from_backup: typing.Optional[builtins.str] = None,
    frontend: typing.Optional[VolumeSpecFrontend] = None,
    image: typing.Optional[builtins.str] = None,
    last_attached_by: typing.Optional[builtins.str] = None,
    migratable: typing.Optional[builtins.bool] = None,
    migration_node_id: typing.Optional[builtins.str] = None,
    node_id: typing.Optional[builtins.str] = None,
    node_selector: typing.Optional[typing.Sequence[builtins.str]] = None,
    number_of_replicas: typing.Optional[jsii.Number] = None,
    offline_rebuilding: typing.Optional[VolumeSpecOfflineRebuilding] = None,
    rebuild_concurrent_sync_limit: typing.Optional[jsii.Number] = None,
    replica_auto_balance: typing.Optional[VolumeSpecReplicaAutoBalance] = None,
    replica_disk_soft_anti_affinity: typing.Optional[VolumeSpecReplicaDiskSoftAntiAffinity] = None,
    replica_rebuilding_bandwidth_limit: typing.Optional[jsii.Number] = None,
    replica_soft_anti_affinity: typing.Optional[VolumeSpecReplicaSoftAntiAffinity] = None,
    replica_zone_soft_anti_affinity: typing.Optional[VolumeSpecReplicaZoneSoftAntiAffinity] = None,
    restore_volume_recurring_job: typing.Optional[VolumeSpecRestoreVolumeRecurringJob] = None,
    revision_counter_disabled: typing.Optional[builtins.bool] = None,
    size: typing.Optional[builtins.str] = None,
    snapshot_data_integrity: typing.Optional[VolumeSpecSnapshotDataIntegrity] = None,
    snapshot_hashing_requested_at: typing.Optional[builtins.str] = None,
    snapshot_max_count: typing.Optional[jsii.Number] = None,
    snapshot_max_size: typing.Optional[builtins.str] = None,
    stale_replica_timeout: typing.Optional[jsii.Number] = None,
    standby: typing.Optional[builtins.bool] = None,
    ublk_number_of_queue: typing.Optional[jsii.Number] = None,
    ublk_queue_depth: typing.Optional[jsii.Number] = None,
    unmap_mark_snap_chain_removed: typing.Optional[VolumeSpecUnmapMarkSnapChainRemoved] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__70fc722bbddcdec6208b3f31aa2aa76f15af0b7f1dd618e49328c43820ae0911(
    *,
    data_chunks: typing.Optional[jsii.Number] = None,
    mode: typing.Optional[VolumeSpecDataLayoutMode] = None,
    parity_chunks: typing.Optional[jsii.Number] = None,
    strip_size_kb: typing.Optional[jsii.Number] = None,
    type: typing.Optional[VolumeSpecDataLayoutType] = None,
) -> None:
    """Type checking stubs"""
    pass
