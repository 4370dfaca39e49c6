; Inno Setup 6 script: the Windows installer of «Наставничество в школе».
; Build the program first (README, «Сборка установщика»), then, from the repository folder:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\nastavapp.iss
; → dist\nastavapp-0.1.0-setup.exe. The version must match pyproject.toml (the folder name).
; The installer needs no administrator rights: without them it installs for the current user
; (%LOCALAPPDATA%\Programs); with them, for everyone (Program Files). Data are never touched:
; they live in %APPDATA%\nastavapp and stay there after uninstalling.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Наставничество в школе"
#define AppExe "nastavapp.exe"
#define Bundle "..\dist\nastavapp-" + AppVersion

[Setup]
AppId={{DFE910F4-C34F-4A77-A3D1-C176F15CD4B0}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=nastavapp
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} — установка
DefaultDirName={autopf}\Nastavapp
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=nastavapp-{#AppVersion}-setup
SetupIconFile=..\resources\icons\nastavapp.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "Создать значок на рабочем столе"; GroupDescription: "Значки:"

[Files]
; the whole PyInstaller folder: nastavapp.exe (the program), nastavapp-cli.exe (command line)
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; a previous version's libraries must not linger beside the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Целевая модель наставничества в школе"
Name: "{group}\Удалить программу «{#AppName}»"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; Comment: "Целевая модель наставничества в школе"

[Run]
Filename: "{app}\{#AppExe}"; Description: "Запустить программу «{#AppName}»"; Flags: nowait postinstall skipifsilent

[Messages]
russian.WelcomeLabel2=Будет установлена программа «{#AppName}» версии {#AppVersion}.%n%nОна ведёт внедрение целевой модели наставничества в школе и работает без интернета. Ваши данные хранятся отдельно от программы и при обновлении не изменяются.
russian.FinishedLabel=Программа «{#AppName}» установлена. Её можно запустить значком на рабочем столе или из меню «Пуск».
