"""Command names known as commands (Linux, Windows, network, developers' tools).

The importer reads a line naming only these as a heading, even in lowercase; the review policy
reads one before an option or a subcommand as code, not as a French word ("par git status": no
'gisant').
"""

from __future__ import annotations

_COMMAND_NAMES = """
appwiz.cpl apt apt-get arp awk bash bcdedit bootrec cat cd certutil chgrp chkdsk chmod chown cipher
compmgmt.msc cp crontab curl cut dcdiag devmgmt.msc df dig diskmgmt.msc diskpart dism dmesg dnf docker dpkg
dsa.msc du echo eventvwr eventvwr.msc fdisk find free fsck getmac git gpedit.msc gpresult gpupdate grep
groupadd groups gzip head hostname hostnamectl htop icacls ifconfig ip ipconfig iptables journalctl kill
killall klist kubectl less ln ls lsblk lsof lspci lsusb lusrmgr.msc man manage-bde mkdir more mount msconfig
mstsc mv nano nbtstat ncpa.cpl net netsh netstat nltest nmap nmcli npm nslookup openssl passwd pathping
perfmon pgrep ping pip pkill ps pwd reboot regedit repadmin resmon rm rmdir robocopy route rpm rsync sc scp
sed services.msc sfc shutdown snap ss ssh ssh-keygen su sudo systemctl systeminfo tail takeown tar taskkill
tasklist taskmgr tcpdump telnet top touch traceroute tracert ufw umount uname uptime useradd userdel usermod
vi vim visudo w32tm wget which whoami winget winver wmic xcopy yum zip
"""
KNOWN_COMMANDS = frozenset(_COMMAND_NAMES.split())
